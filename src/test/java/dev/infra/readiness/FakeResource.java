package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.lang.reflect.Proxy;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A stand-in for fabric8's handle on one object, for the waiter's decisions: its states come one
 * after another (a RuntimeException among them is thrown, as a dropped watch would be); a wait
 * returns the first state that meets the condition, or times out at the last one.
 */
final class FakeResource {
    private FakeResource() {
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> Resource<T> of(List<Object> states) {
        Deque<Object> next = new LinkedList<>(states);
        return (Resource<T>) Proxy.newProxyInstance(Resource.class.getClassLoader(), new Class<?>[] {Resource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> current(next);
                    case "waitUntilCondition" -> waitFor(next, (Predicate<T>) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object current(Deque<Object> next) {
        Object state = next.size() > 1 ? next.poll() : next.peek();
        if (state instanceof RuntimeException e) throw e;
        return state;
    }

    @SuppressWarnings("unchecked")
    private static <T> T waitFor(Deque<Object> next, Predicate<T> condition) {
        while (true) {
            T state = (T) current(next);
            if (condition.test(state)) return state;
            if (next.size() <= 1 && state == next.peek()) throw new KubernetesClientTimeoutException("Deployment", "web", "apps", 1, TimeUnit.SECONDS);
        }
    }
}

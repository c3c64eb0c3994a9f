package dev.infra.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.AccessibleObject;
import java.net.http.HttpClient;

/**
 * Closes a fabric8 client together with the selector thread of the JDK HTTP client under it.
 * fabric8's close leaves that thread waiting in epoll (Java 17's HttpClient has no close), and the
 * JVM's exit waits 300 ms for threads in native code: a third of {@code infra secret get}.
 */
final class HttpSelectorStop {
    private HttpSelectorStop() {
    }

    static void close(KubernetesClient client) {
        HttpClient http = jdkClient(client);
        client.close();
        if (http != null) stop(http);
    }

    private static HttpClient jdkClient(KubernetesClient client) {
        try {
            // JdkHttpClientImpl's own getter, package-private (fabric8 clears the field on close)
            Object wrapper = client.getHttpClient();
            var getter = wrapper.getClass().getDeclaredMethod("getHttpClient");
            return (HttpClient) accessible(getter).invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another fabric8 HTTP client: nothing of this kind to stop
        }
    }

    private static void stop(HttpClient http) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http); // Java 21+
        } catch (NoSuchMethodException e) {
            stopBeforeJava21(http);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the exit waits its 300 ms; nothing else depends on it
        }
    }

    /** What Java 21's shutdownNow does; the jar's manifest opens jdk.internal.net.http to infra (Add-Opens). */
    private static void stopBeforeJava21(HttpClient facade) {
        try {
            Object impl = accessible(facade.getClass().getDeclaredField("impl")).get(facade);
            Object selector = accessible(impl.getClass().getDeclaredField("selmgr")).get(impl);
            accessible(selector.getClass().getDeclaredMethod("shutdown")).invoke(selector);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not opened (run without the jar's manifest) or another JDK: the exit waits its 300 ms
        }
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}

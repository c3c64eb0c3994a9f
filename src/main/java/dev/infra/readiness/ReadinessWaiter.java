package dev.infra.readiness;

import dev.infra.errors.ComponentFailedException;
import dev.infra.errors.ReadinessTimeoutException;
import dev.infra.retry.TransientFailure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Waits, by watching rather than polling, until every readiness check of a component holds;
 * when time runs out or a check fails for good, explains why.
 */
public final class ReadinessWaiter {
    private final BiFunction<ReadinessCheck, String, Watched<?>> watch;
    private final BiFunction<CheckStatus, String, String> explain;

    public ReadinessWaiter(KubernetesClient client) {
        this((check, namespace) -> Watched.of(client, check, namespace), new Diagnosis(client)::explain);
    }

    /**
     * @param watch   the handle on a check's object, given the component's namespace
     * @param explain why a check is not ready, given the component's namespace
     */
    ReadinessWaiter(BiFunction<ReadinessCheck, String, Watched<?>> watch, BiFunction<CheckStatus, String, String> explain) {
        this.watch = watch;
        this.explain = explain;
    }

    /** Each check as it stands now, without waiting. */
    public List<CheckStatus> now(List<ReadinessCheck> checks, String namespace) {
        return checks.stream().map(c -> watch.apply(c, namespace).evaluate()).toList();
    }

    /**
     * Returns when all {@code checks} are ready; throws, with a diagnosis,
     * {@link ReadinessTimeoutException} when {@code timeout} passes first or
     * {@link ComponentFailedException} when a check fails for good.
     */
    public void await(String component, List<ReadinessCheck> checks, String namespace, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ReadinessCheck check : checks) {
            CheckStatus last = awaitOne(watch.apply(check, namespace), deadline);
            if (last.failed()) {
                throw new ComponentFailedException(component + " failed: " + explain.apply(last, namespace));
            }
            if (!last.ready()) {
                throw new ReadinessTimeoutException(component + " not ready after " + timeout.toSeconds() + "s: "
                        + explain.apply(last, namespace));
            }
        }
    }

    private static <T extends HasMetadata> CheckStatus awaitOne(Watched<T> watched, Instant deadline) {
        while (true) {
            long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                // the watch stops at the first state that is ready or can no longer become ready
                T resource = watched.resource().waitUntilCondition(r -> {
                    var status = watched.judge(r);
                    return status.ready() || status.failed();
                }, millis, TimeUnit.MILLISECONDS);
                return watched.judge(resource);
            } catch (KubernetesClientTimeoutException e) {
                return watched.evaluate();
            } catch (KubernetesClientException e) {
                // an API server that restarts drops the watch; start it again while there is time
                if (!TransientFailure.is(e) || Instant.now().isAfter(deadline)) throw e;
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

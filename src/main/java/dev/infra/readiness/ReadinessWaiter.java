package dev.infra.readiness;

import dev.infra.catalog.ReadinessCheck;
import dev.infra.errors.ReadinessTimeoutException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.infra.run.Retry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits, by watching rather than polling, until every readiness check of a component holds;
 * when time runs out or a check fails for good, explains why.
 */
public final class ReadinessWaiter {
    private final KubernetesClient client;

    public ReadinessWaiter(KubernetesClient client) {
        this.client = client;
    }

    /** Each check as it stands now, without waiting. */
    public List<CheckStatus> now(List<ReadinessCheck> checks, String namespace) {
        return checks.stream().map(c -> Checks.of(client, c, namespace).evaluate()).toList();
    }

    /**
     * Returns when all {@code checks} are ready; throws {@link ReadinessTimeoutException} with a
     * diagnosis when {@code timeout} passes first or a check fails for good.
     */
    public void await(String component, List<ReadinessCheck> checks, String namespace, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ReadinessCheck check : checks) {
            var watched = Checks.of(client, check, namespace);
            CheckStatus last = awaitOne(watched, deadline);
            if (last.failed()) {
                throw new ReadinessTimeoutException(component + " failed: " + new Diagnosis(client).explain(last, namespace));
            }
            if (!last.ready()) {
                throw new ReadinessTimeoutException(component + " not ready after " + timeout.toSeconds() + "s: "
                        + new Diagnosis(client).explain(last, namespace));
            }
        }
    }

    private static <T extends HasMetadata> CheckStatus awaitOne(Checks.Watched<T> watched, Instant deadline) {
        while (true) {
            long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                // the watch stops at the first state that is ready or can no longer become ready
                T resource = watched.resource().waitUntilCondition(r -> {
                    var status = watched.rule().apply(r);
                    return status.ready() || status.failed();
                }, millis, TimeUnit.MILLISECONDS);
                return watched.rule().apply(resource);
            } catch (KubernetesClientTimeoutException e) {
                return watched.evaluate();
            } catch (KubernetesClientException e) {
                // an API server that restarts drops the watch; start it again while there is time
                if (!Retry.isTransient(e) || Instant.now().isAfter(deadline)) throw e;
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

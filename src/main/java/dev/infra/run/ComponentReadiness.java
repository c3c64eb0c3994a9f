package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.readiness.CheckStatus;
import dev.infra.readiness.ReadinessCheck;
import dev.infra.readiness.ReadinessWaiter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whether a component is ready, by its checks: the cluster's answer in production ({@link #of}),
 * a test's in the unit tests of the steps.
 */
interface ComponentReadiness {
    /** What {@code c} is ready by ({@link ComponentChecks}); {@code note} hears about retries of reading the release. */
    List<ReadinessCheck> checks(Component c, Consumer<String> note);

    /** Each check as it stands now, without waiting. */
    List<CheckStatus> now(List<ReadinessCheck> checks, String namespace);

    /** Returns once every check is ready; throws when one failed or {@code timeout} passed, with a diagnosis. */
    void await(String component, List<ReadinessCheck> checks, String namespace, Duration timeout);

    static ComponentReadiness of(KubernetesClient client, Retry retry) {
        var waiter = new ReadinessWaiter(client);
        var checks = new ComponentChecks(client, retry);
        return new ComponentReadiness() {
            @Override
            public List<ReadinessCheck> checks(Component c, Consumer<String> note) {
                return checks.of(c, note);
            }

            @Override
            public List<CheckStatus> now(List<ReadinessCheck> list, String namespace) {
                return waiter.now(list, namespace);
            }

            @Override
            public void await(String component, List<ReadinessCheck> list, String namespace, Duration timeout) {
                waiter.await(component, list, namespace, timeout);
            }
        };
    }
}

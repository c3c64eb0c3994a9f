package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.Helm;
import dev.infra.readiness.CheckStatus;
import dev.infra.readiness.ReadinessWaiter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whether a component is ready, by its checks ({@link ComponentChecks}): the cluster's answer in
 * production ({@link #of}), a test's in the unit tests of the steps. {@code note} hears about
 * retries of helm.
 */
interface ComponentReadiness {
    /** Each check as it stands now, without waiting. */
    List<CheckStatus> now(Component c, Consumer<String> note);

    /** Returns once every check is ready; throws when one failed or {@code timeout} passed, with a diagnosis. */
    void await(Component c, Consumer<String> note, Duration timeout);

    static ComponentReadiness of(KubernetesClient client, Helm helm, Retry retry) {
        var waiter = new ReadinessWaiter(client);
        var checks = new ComponentChecks(client, helm, retry);
        return new ComponentReadiness() {
            @Override
            public List<CheckStatus> now(Component c, Consumer<String> note) {
                return waiter.now(checks.of(c, note), c.namespace());
            }

            @Override
            public void await(Component c, Consumer<String> note, Duration timeout) {
                waiter.await(c.name(), checks.of(c, note), c.namespace(), timeout);
            }
        };
    }
}

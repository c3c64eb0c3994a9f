package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.HealthRule;
import dev.infra.readiness.CheckStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * What {@code infra status} reads of an installed component besides its record: the cluster in
 * production ({@link #of}), fixed answers in the unit tests of {@link StatusReader}.
 */
interface ComponentProbe {
    /** Each of its readiness checks as it stands now, without waiting. */
    List<CheckStatus> readiness(Component c);

    /** The resources {@code rule} counts in {@code namespace}. */
    List<GenericKubernetesResource> resources(HealthRule rule, String namespace);

    List<Ingress> ingresses(String namespace);

    static ComponentProbe of(KubernetesClient client) {
        var readiness = ComponentReadiness.of(client, Retry.standard());
        return new ComponentProbe() {
            @Override
            public List<CheckStatus> readiness(Component c) {
                return readiness.now(readiness.checks(c, note -> { }), c.namespace());
            }

            @Override
            public List<GenericKubernetesResource> resources(HealthRule rule, String namespace) {
                return client.genericKubernetesResources(rule.apiVersion(), rule.kind()).inNamespace(namespace).list().getItems();
            }

            @Override
            public List<Ingress> ingresses(String namespace) {
                return client.network().v1().ingresses().inNamespace(namespace).list().getItems();
            }
        };
    }
}

package dev.infra.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure namespaces exist, once per run, safely from parallel steps. A namespace still being
 * deleted (right after {@code infra down --delete-data}) refuses new objects, so it is waited
 * out and made again.
 */
public final class Namespaces {
    private static final Duration TERMINATION = Duration.ofMinutes(2);

    private final KubernetesClient client;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public Namespaces(KubernetesClient client) {
        this.client = client;
    }

    public void ensure(String name) {
        if (known.contains(name)) return;
        var existing = client.namespaces().withName(name).get();
        if (existing != null && existing.getMetadata().getDeletionTimestamp() != null) {
            client.namespaces().withName(name).waitUntilCondition(n -> n == null, TERMINATION.toSeconds(), TimeUnit.SECONDS);
            existing = null;
        }
        if (existing == null) {
            try {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) throw e;
            }
        }
        known.add(name);
    }
}

package dev.infra.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Makes sure namespaces exist, once per run, safely from parallel steps. */
public final class Namespaces {
    private final KubernetesClient client;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public Namespaces(KubernetesClient client) {
        this.client = client;
    }

    public void ensure(String name) {
        if (known.contains(name)) return;
        if (client.namespaces().withName(name).get() == null) {
            try {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) throw e;
            }
        }
        known.add(name);
    }
}

package dev.infra.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/** An open connection to a reachable cluster, with the context it was opened for. */
public record KubeSession(KubernetesClient client, String context) implements AutoCloseable {
    @Override
    public void close() {
        client.close();
    }
}

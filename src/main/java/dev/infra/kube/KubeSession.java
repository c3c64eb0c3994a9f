package dev.infra.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * An open connection to a reachable cluster, with the context it was opened for.
 *
 * @param pinned the user's target with the context named: what every later call (helm too) must
 *               use, so that a kubeconfig whose current-context changes cannot redirect a run
 */
public record KubeSession(KubernetesClient client, String context, KubeTarget pinned) implements AutoCloseable {
    @Override
    public void close() {
        client.close();
    }
}

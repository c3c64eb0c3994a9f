package dev.infra.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * What a cluster test gets: its own namespace, a client whose default namespace it is, the
 * kubeconfig for running the real CLI or helm, and the cluster it runs against.
 */
public record TestNamespace(String name, KubernetesClient client, Path kubeconfig, TestCluster cluster) {
}

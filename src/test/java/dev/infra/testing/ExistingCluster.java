package dev.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** A cluster someone else runs (minikube, a cloud cluster), named by INFRA_TEST_KUBECONFIG. */
final class ExistingCluster implements TestCluster {
    private final Path kubeconfig;

    ExistingCluster(Path kubeconfig) {
        if (!Files.isReadable(kubeconfig)) {
            throw new IllegalStateException(ClusterChoice.KUBECONFIG + " names " + kubeconfig + ", which cannot be read");
        }
        this.kubeconfig = kubeconfig;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public String description() {
        return "the cluster of " + ClusterChoice.KUBECONFIG + "=" + kubeconfig;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}

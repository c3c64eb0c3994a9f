package dev.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** A cluster someone else runs (minikube, a cloud cluster), named by INFRA_TEST_KUBECONFIG. */
final class ExistingCluster implements TestCluster {
    static final String VARIABLE = "INFRA_TEST_KUBECONFIG";

    private final Path kubeconfig;

    ExistingCluster(Path kubeconfig) {
        if (!Files.isReadable(kubeconfig)) {
            throw new IllegalStateException(VARIABLE + " names " + kubeconfig + ", which cannot be read");
        }
        this.kubeconfig = kubeconfig;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public String description() {
        return "the cluster of " + VARIABLE + "=" + kubeconfig;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}

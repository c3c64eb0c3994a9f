package dev.infra.testing;

import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the one cluster that a test run shares, as {@link ClusterChoice} says, and remembers a
 * failure so that every cluster test fails with its cause instead of trying again.
 */
final class ClusterStartup implements AutoCloseable {
    private final TestCluster cluster;
    private final RuntimeException failure;

    private ClusterStartup(TestCluster cluster, RuntimeException failure) {
        this.cluster = cluster;
        this.failure = failure;
    }

    static ClusterStartup attempt() {
        try {
            ClusterChoice choice = ClusterChoice.current();
            TestCluster cluster = start(choice);
            System.err.println("[test cluster] tests run against " + cluster.description() + ", because " + choice.reason());
            return new ClusterStartup(cluster, null);
        } catch (RuntimeException e) {
            return new ClusterStartup(null, e);
        }
    }

    TestCluster cluster() {
        if (failure != null) {
            throw new IllegalStateException("the test cluster did not start: " + failure.getMessage(), failure);
        }
        return cluster;
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static TestCluster start(ClusterChoice choice) {
        return switch (choice.kind()) {
            case EXISTING -> new ExistingCluster(Path.of(choice.kubeconfig()));
            case K3S -> {
                if (!DockerClientFactory.instance().isDockerAvailable()) {
                    throw new IllegalStateException(ClusterChoice.SWITCH + "=k3s needs a Docker engine, and none is reachable");
                }
                yield K3sCluster.start();
            }
            case LOCAL -> KwokCluster.start(Testbin.directory().orElseThrow(() -> new IllegalStateException(
                    "no local control plane: run the tests with scripts/test.sh (it builds one and sets "
                            + Testbin.VARIABLE + "), or set " + ClusterChoice.KUBECONFIG + " to a kubeconfig")));
        };
    }
}

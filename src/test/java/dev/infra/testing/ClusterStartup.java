package dev.infra.testing;

import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the one cluster that a test run shares, and remembers a failure so that every cluster
 * test fails with its cause instead of trying again. The choice, first match wins:
 * INFRA_TEST_KUBECONFIG (a real cluster), k3s in a container when a Docker engine is reachable,
 * the local kwok control plane from INFRA_TESTBIN.
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
            TestCluster cluster = start();
            System.err.println("[test cluster] tests run against " + cluster.description());
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

    private static TestCluster start() {
        String kubeconfig = System.getenv(ExistingCluster.VARIABLE);
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            return new ExistingCluster(Path.of(kubeconfig));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return K3sCluster.start();
        }
        Path binDir = Testbin.directory().orElseThrow(() -> new IllegalStateException(
                "no cluster for the tests: run them with scripts/test.sh (it builds a local control plane and sets "
                        + Testbin.VARIABLE + "), or set " + ExistingCluster.VARIABLE + " to a kubeconfig"));
        return KwokCluster.start(binDir);
    }
}

package dev.infra.testing;

import dev.infra.sandbox.LocalCluster;
import dev.infra.sandbox.LocalClusterOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second local control plane of only etcd and kube-apiserver: no controller rewrites the
 * status of what a test writes, so a test can hold a Deployment mid-rollout as long as it likes.
 * Needs the binaries of scripts/testbin.sh (INFRA_TESTBIN), whatever cluster the other tests use.
 */
public final class ApiServerOnly implements AutoCloseable {
    private final LocalCluster cluster;
    private final Path workDir;

    private ApiServerOnly(LocalCluster cluster, Path workDir) {
        this.cluster = cluster;
        this.workDir = workDir;
    }

    public static ApiServerOnly start() {
        Path binDir = Testbin.directory().orElseThrow(() -> new IllegalStateException(
                "an API server without controllers needs the local cluster binaries: run the tests with scripts/test.sh"));
        try {
            Path workDir = Files.createTempDirectory("infra-test-apiserver-");
            var options = LocalClusterOptions.apiServerOnly("infra-apiserver", binDir, workDir);
            return new ApiServerOnly(LocalCluster.start(options, message -> System.err.println("[api server] " + message)), workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the API server", e);
        }
    }

    /** The kubectl of the test binaries, the oracle for what kubectl users see. */
    public static Path kubectl() {
        return Testbin.binary("kubectl");
    }

    public Path kubeconfig() {
        return cluster.kubeconfig();
    }

    /** A client for the API server; the caller closes it. */
    public KubernetesClient client() {
        return LocalCluster.client(kubeconfig());
    }

    @Override
    public void close() {
        cluster.stop();
        KwokCluster.removeDirectory(workDir);
    }
}

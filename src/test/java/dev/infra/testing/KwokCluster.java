package dev.infra.testing;

import dev.infra.sandbox.ClusterSimulator;
import dev.infra.sandbox.LocalCluster;
import dev.infra.sandbox.LocalClusterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The local control plane with kwok nodes, built by scripts/testbin.sh; its state lives in a temp dir. */
final class KwokCluster implements TestCluster {
    private static final int NODES = 3;

    private final LocalCluster cluster;
    private final ClusterSimulator simulator;
    private final Path workDir;

    private KwokCluster(LocalCluster cluster, ClusterSimulator simulator, Path workDir) {
        this.cluster = cluster;
        this.simulator = simulator;
        this.workDir = workDir;
    }

    static KwokCluster start(Path binDir) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("infra-test-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the test cluster", e);
        }
        LocalClusterOptions options = new LocalClusterOptions("infra-test", binDir, workDir, NODES);
        LocalCluster cluster = LocalCluster.start(options, message -> System.err.println("[test cluster] " + message));
        // in this JVM: the sandbox runs it as a process of its own
        ClusterSimulator simulator = ClusterSimulator.start(cluster.kubeconfig(), options.egressSocket(),
                message -> System.err.println("[simulator] " + message));
        return new KwokCluster(cluster, simulator, workDir);
    }

    @Override
    public Path kubeconfig() {
        return cluster.kubeconfig();
    }

    @Override
    public void restartApiServer() {
        cluster.restartApiServer();
    }

    @Override
    public String description() {
        return "the local kwok cluster in " + workDir;
    }

    @Override
    public void close() {
        simulator.close();
        cluster.stop();
        removeDirectory(workDir);
    }

    static void removeDirectory(Path workDir) {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + workDir, e);
        }
    }
}

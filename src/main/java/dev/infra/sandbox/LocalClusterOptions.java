package dev.infra.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a local cluster is made of.
 *
 * @param name     the kwokctl cluster name (the kube context is {@code kwok-<name>})
 * @param binDir   the directory scripts/testbin.sh prints: kube binaries, etcd, kwok, kwokctl,
 *                 kubectl and kwok-stages.yaml
 * @param workDir  where kwokctl keeps the cluster's state and logs; the kubeconfig goes there too
 * @param nodes    how many simulated nodes to create
 * @param controllers false for an API server alone: no controller-manager, scheduler or nodes,
 *                 so that objects keep whatever status is written into them
 */
public record LocalClusterOptions(String name, Path binDir, Path workDir, int nodes, boolean controllers) {
    public LocalClusterOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binDir, "binDir");
        Objects.requireNonNull(workDir, "workDir");
        if (controllers && nodes < 1) {
            throw new IllegalArgumentException("a local cluster needs at least one node, got " + nodes);
        }
    }

    public LocalClusterOptions(String name, Path binDir, Path workDir, int nodes) {
        this(name, binDir, workDir, nodes, true);
    }

    /** An API server (and etcd) without controllers, scheduler or nodes. */
    public static LocalClusterOptions apiServerOnly(String name, Path binDir, Path workDir) {
        return new LocalClusterOptions(name, binDir, workDir, 0, false);
    }

    public Path kubeconfig() {
        return workDir.resolve("kubeconfig");
    }

    /** Where {@link ClusterEgressProxy} listens for the API server's calls into the cluster network. */
    public Path egressSocket() {
        return workDir.resolve("egress.sock");
    }

    public Path kwokWorkDir() {
        return workDir.resolve("kwok");
    }

    public Path logsDir() {
        return kwokWorkDir().resolve("clusters").resolve(name).resolve("logs");
    }
}

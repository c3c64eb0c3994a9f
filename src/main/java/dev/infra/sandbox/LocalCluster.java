package dev.infra.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A Kubernetes control plane on this machine, without containers: etcd, kube-apiserver,
 * kube-controller-manager and kube-scheduler run as processes that kwokctl starts, and kwok
 * plays the kubelet of a few simulated nodes. Pods are scheduled and become Ready, but nothing
 * runs in them.
 *
 * <p>Stages and port-forward rules are served from the API (kwok's Stage, PortForward and
 * ClusterPortForward resources), so a test can make a custom resource Ready after a delay, or
 * forward a pod port to a local TCP address.
 */
public final class LocalCluster implements AutoCloseable {
    private static final String CRDS = "Stage,PortForward,ClusterPortForward";
    /**
     * What each simulated node reports, in kwokctl's node template parameters (a jq update of
     * kwok's kustomize/kwokctl/resource/node.yaml): a mid-size cloud worker. kwok's default has
     * no ephemeral-storage, so a pod requesting it (Bitnami's charts do) never schedules.
     */
    static final String NODE_RESOURCES = ".allocatable = {\"cpu\": \"16\", \"memory\": \"64Gi\", \"pods\": \"110\", "
            + "\"ephemeral-storage\": \"100Gi\"}";
    static final String NODE_CAPACITY = "16 cpu, 64Gi memory, 110 pods, 100Gi ephemeral-storage each";

    private final LocalClusterOptions options;
    private final Kwokctl kwokctl;
    private final Duration startupTime;

    private LocalCluster(LocalClusterOptions options, Kwokctl kwokctl, Duration startupTime) {
        this.options = options;
        this.kwokctl = kwokctl;
        this.startupTime = startupTime;
    }

    /** Creates the cluster and returns once its nodes are Ready; on failure nothing is left running. */
    public static LocalCluster start(LocalClusterOptions options, Consumer<String> progress) {
        long started = System.nanoTime();
        createDirectories(options.workDir());
        Kwokctl kwokctl = new Kwokctl(options);
        progress.accept("starting local cluster " + options.name() + " in " + options.workDir());
        try {
            kwokctl.run(createArguments(options));
            if (options.controllers()) prepare(options, kwokctl);
        } catch (RuntimeException e) {
            try {
                kwokctl.run("delete", "cluster", "--kubeconfig", options.kubeconfig().toString());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("local cluster " + options.name() + " did not start (component logs in "
                    + options.logsDir() + "): " + e.getMessage(), e);
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        progress.accept(String.format(Locale.ROOT, "local cluster %s ready in %.1fs with %d nodes; kubeconfig %s",
                options.name(), startupTime.toMillis() / 1000.0, options.nodes(), options.kubeconfig()));
        return new LocalCluster(options, kwokctl, startupTime);
    }

    private static String[] createArguments(LocalClusterOptions options) {
        var arguments = new ArrayList<>(List.of("create", "cluster", "--config", ControlPlaneConfig.write(options).toString(),
                "--kubeconfig", options.kubeconfig().toString(), "--wait", "2m"));
        if (options.controllers()) {
            arguments.addAll(List.of("--enable-crds", CRDS,
                    "--extra-args", "kube-controller-manager=enable-hostpath-provisioner=true",
                    // one instance each, and nothing restarts them: leader election would make them
                    // exit for good when the API server is briefly away
                    "--extra-args", "kube-controller-manager=leader-elect=false",
                    "--extra-args", "kube-scheduler=leader-elect=false"));
        } else {
            arguments.addAll(List.of("--components", "etcd,kube-apiserver"));
        }
        return arguments.toArray(String[]::new);
    }

    /** The cluster's Stages, storage and ingress classes, and its nodes, Ready. */
    private static void prepare(LocalClusterOptions options, Kwokctl kwokctl) {
        try (KubernetesClient client = client(options.kubeconfig())) {
            ClusterBaseline baseline = new ClusterBaseline(client);
            baseline.applyDefaultStages(options.binDir().resolve("kwok-stages.yaml"));
            baseline.applyStorageClass();
            baseline.applyIngressClass();
            kwokctl.run("scale", "node", "--replicas", Integer.toString(options.nodes()), "--param", NODE_RESOURCES);
            baseline.awaitNodesReady(options.nodes());
        }
    }

    /** A client for the cluster; the caller closes it. */
    public static KubernetesClient client(Path kubeconfig) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile())).build();
    }

    public Path kubeconfig() {
        return options.kubeconfig();
    }

    /** The kube context kwokctl wrote into {@link #kubeconfig()}. */
    public String context() {
        return "kwok-" + options.name();
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Kills kube-apiserver and starts it again with the same arguments, as a crash and a restart
     * by a supervisor would; the other components and the cluster's state stay.
     */
    public void restartApiServer() {
        Path clusterDir = options.kwokWorkDir().resolve("clusters").resolve(options.name());
        Path pidFile = clusterDir.resolve("pids").resolve("kube-apiserver.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Path proc = Path.of("/proc", Long.toString(pid));
            var command = java.util.List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            Path workingDir = Files.readSymbolicLink(proc.resolve("cwd"));
            var process = ProcessHandle.of(pid).orElseThrow();
            // SIGKILL: a graceful stop waits a minute for open watches
            process.destroyForcibly();
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            Process restarted = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(clusterDir.resolve("logs").resolve("kube-apiserver.log").toFile()))
                    .start();
            // kwokctl stops the cluster by this pid file
            Files.writeString(pidFile, Long.toString(restarted.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart kube-apiserver of " + options.name(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("kube-apiserver of " + options.name() + " did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops every process of the cluster and removes its state. */
    public void stop() {
        kwokctl.run("delete", "cluster", "--kubeconfig", options.kubeconfig().toString());
    }

    @Override
    public void close() {
        stop();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

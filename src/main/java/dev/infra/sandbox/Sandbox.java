package dev.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.infra.sandbox.operators.SimulatedOperators;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The user's local cluster for trying infra without minikube: a {@link LocalCluster} with a
 * fixed name and state directory, whose kubeconfig names its context {@code infra-sandbox},
 * the context the {@code sandbox} profile accepts. Beside it runs its {@link ClusterSimulator}, as a
 * process of its own (see {@link SimulatorProcess}).
 */
public final class Sandbox {
    public static final String CONTEXT = "infra-sandbox";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Path stateDir;
    private final SimulatorProcess simulator;

    public Sandbox(Path stateDir) {
        this.stateDir = stateDir;
        this.simulator = new SimulatorProcess(stateDir);
    }

    /** {@code ${XDG_STATE_HOME:-~/.local/state}/infra/sandbox} */
    public static Sandbox standard() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return new Sandbox(base.resolve("infra").resolve("sandbox"));
    }

    /** What the sandbox simulates instead of running, one line each, for people. */
    public static List<String> simulated() {
        List<String> lines = new ArrayList<>(List.of(
                "pods: scheduled and Ready on kwok nodes, but no container runs",
                "nodes: " + LocalCluster.NODE_CAPACITY,
                "admission webhooks: never called (the API server's webhook admission is off)",
                "cluster network: none; the API server reaches only this machine (kubelets), never a Service address"));
        SimulatedOperators.all().forEach(o -> lines.add(o.name() + ": " + o.creates()));
        return lines;
    }

    public Path kubeconfig() {
        return options(null, 1).kubeconfig();
    }

    public boolean exists() {
        return Files.isRegularFile(kubeconfig());
    }

    public LocalCluster up(Path binDir, int nodes, Consumer<String> progress) {
        var cluster = LocalCluster.start(options(binDir, nodes), progress);
        renameContext(kubeconfig());
        startSimulator();
        return cluster;
    }

    /**
     * Whether its API server runs: a sandbox whose processes are gone (the machine restarted, or
     * they were killed) keeps its state and kubeconfig but does not. Judged by kwok's pid file and
     * the process's command line, not by the port, which another program may have taken since.
     */
    public boolean running() {
        var options = options(null, 1);
        Path pidFile = options.kwokWorkDir().resolve("clusters").resolve(options.name()).resolve("pids").resolve("kube-apiserver.pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().commandLine()).filter(line -> line.contains(options.kwokWorkDir().toString())).isPresent();
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Starts the processes of a sandbox that is not running, with its state as it was, and its simulator. */
    public void resume(Path binDir, Consumer<String> progress) {
        progress.accept("starting the stopped sandbox again, as it was");
        new Kwokctl(options(binDir, 1)).run("start", "cluster", "--wait", "2m");
        ensureSimulator();
    }

    /**
     * Starts the simulator of a sandbox that is up but lost it (the machine restarted, or it was
     * killed); returns whether it had to.
     */
    public boolean ensureSimulator() {
        if (simulatorRunning()) return false;
        startSimulator();
        return true;
    }

    public boolean simulatorRunning() {
        return simulator.running(egressSocket()).isPresent();
    }

    /** The simulator's log: what it acted on, and why it could not. */
    public Path simulatorLog() {
        return simulator.log();
    }

    public void down(Path binDir) {
        simulator.stop(egressSocket());
        new Kwokctl(options(binDir, 1)).run("delete", "cluster", "--kubeconfig", kubeconfig().toString());
        try {
            Files.deleteIfExists(kubeconfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startSimulator() {
        simulator.start(kubeconfig(), egressSocket());
    }

    private Path egressSocket() {
        return options(null, 1).egressSocket();
    }

    private LocalClusterOptions options(Path binDir, int nodes) {
        return new LocalClusterOptions("infra-sandbox", binDir == null ? stateDir : binDir, stateDir, nodes);
    }

    /** kwokctl calls its context kwok-NAME; the sandbox profile knows it as infra-sandbox. */
    private static void renameContext(Path kubeconfig) {
        try {
            var config = (ObjectNode) YAML.readTree(kubeconfig.toFile());
            config.path("contexts").forEach(c -> ((ObjectNode) c).put("name", CONTEXT));
            config.put("current-context", CONTEXT);
            Files.writeString(kubeconfig, YAML.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + kubeconfig, e);
        }
    }
}

package dev.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's {@link ClusterSimulator} as a process of its own, so that it outlives
 * {@code infra sandbox up}: started from the same Java and class path, in a session of its own
 * (a closed terminal does not stop it), its pid and log in the sandbox's state directory.
 */
final class SimulatorProcess {
    private static final String MAIN = ClusterSimulator.class.getName();
    private static final long START_TIMEOUT_MILLIS = 20_000;

    private final Path stateDir;

    SimulatorProcess(Path stateDir) {
        this.stateDir = stateDir;
    }

    Path log() {
        return stateDir.resolve("simulator.log");
    }

    /**
     * The running simulator of this sandbox, if any: its pid is alive and someone answers on its
     * egress socket (so a pid reused by another program is not taken for it).
     */
    Optional<ProcessHandle> running(Path egressSocket) {
        if (!answers(egressSocket)) return Optional.empty();
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts it and returns once it answers on the egress socket. */
    void start(Path kubeconfig, Path egressSocket) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) command.add("/usr/bin/setsid");
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MAIN, kubeconfig.toString(), egressSocket.toString()));
        try {
            Files.deleteIfExists(egressSocket);
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
            long pid = process.pid();
            Files.writeString(pidFile(), Long.toString(pid));
            awaitSocket(process, egressSocket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox's simulator", e);
        }
    }

    void stop(Path egressSocket) {
        running(egressSocket).ifPresent(process -> {
            process.destroy();
            process.onExit().join();
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitSocket(Process process, Path socket) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        // the socket file exists from bind(), before the simulator listens: wait for an answer
        while (!answers(socket)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroy();
                throw new IllegalStateException("the sandbox's simulator did not start; see " + log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the sandbox's simulator", e);
            }
        }
    }

    private Path pidFile() {
        return stateDir.resolve("simulator.pid");
    }
}

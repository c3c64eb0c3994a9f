package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * infra as a process of its own, as a user starts it: its home and temporary directory inside
 * {@code dir} (so that files it leaves can be found), its output in a file read while it runs.
 */
record InfraProcess(Process process, Path log) implements AutoCloseable {

    static InfraProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dev.infra.cli.Main"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "infra", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        return new InfraProcess(builder.start(), log);
    }

    /** Files whose name starts with {@code prefix} anywhere under {@code dir}. */
    static List<Path> filesUnder(Path dir, String prefix) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "still not " + what + " after " + timeout);
            Thread.sleep(50);
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void signal(String name) throws IOException, InterruptedException {
        assertTrue(new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS));
    }

    /** Whether it exited within {@code timeout}. */
    boolean exitsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kills it and what it started, as when a whole process group dies. */
    void kill() throws InterruptedException {
        var children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}

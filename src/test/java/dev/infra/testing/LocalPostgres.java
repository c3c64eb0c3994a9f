package dev.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server on loopback for the tests of {@code infra psql}, from the machine's
 * PostgreSQL packages (.ci/run installs them). PostgreSQL refuses to run as root, so under root
 * it runs as the {@code postgres} user the packages create.
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private LocalPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** A server whose superuser {@code user} logs in with {@code password} (SCRAM), database "postgres". */
    public static LocalPostgres start(String user, String password) throws IOException, InterruptedException {
        Path bin = binDirectory();
        // the postgres user must reach the directory: /tmp may be closed to it
        Path dir = root() ? Files.createTempDirectory(Path.of("/var/tmp"), "infra-test-postgres-") : Files.createTempDirectory("infra-test-postgres-");
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var postgres = new LocalPostgres(bin, dir, port);
        Path pwfile = Files.writeString(dir.resolve("pw"), password + "\n");
        if (root()) {
            var owner = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, owner);
            Files.setOwner(pwfile, owner);
        }
        postgres.run("initdb", "-D", dir.resolve("data").toString(), "-U", user, "--pwfile=" + pwfile, "--auth=scram-sha-256");
        Files.delete(pwfile);
        postgres.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
        return postgres;
    }

    public int port() {
        return port;
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        if (root()) command.addAll(List.of("runuser", "-u", "postgres", "--"));
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path log = dir.resolve(program + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(program + " failed: " + Files.readString(log));
        }
    }

    private static Path binDirectory() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql: apt-get install postgresql", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // the test is over; the directory goes below either way
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

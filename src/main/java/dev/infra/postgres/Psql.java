package dev.infra.postgres;

import dev.infra.errors.PrerequisiteMissingException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the local psql on a forwarded database port. The password reaches psql through a pgpass
 * file in a directory only the user can read, named by PGPASSFILE, and removed when psql ends:
 * never on psql's command line or in its environment, which other users can read in /proc.
 */
public final class Psql {
    public static final String VARIABLE = "INFRA_PSQL";

    private final Path binary;

    private Psql(Path binary) {
        this.binary = binary;
    }

    /** psql from INFRA_PSQL or PATH; fails with how to get one, before anything touches the cluster. */
    public static Psql find(Map<String, String> env) {
        return locate(env).map(Psql::new).orElseThrow(() -> new PrerequisiteMissingException(
                "psql not found on PATH (or " + VARIABLE + "): install the PostgreSQL client "
                        + "(apt install postgresql-client, brew install libpq, dnf install postgresql)", null));
    }

    static Optional<Path> locate(Map<String, String> env) {
        String chosen = env.get(VARIABLE);
        if (chosen != null && !chosen.isBlank()) return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        return Stream.of(env.getOrDefault("PATH", "").split(File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "psql")).filter(Files::isExecutable).findFirst();
    }

    /** Runs psql attached to this terminal (or stdin/stdout in a pipeline) and returns its exit code. */
    public int run(String host, int port, DatabaseLogin login, List<String> args) throws InterruptedException {
        Path dir = privateDirectory();
        Thread cleanup = new Thread(() -> delete(dir));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            // psql ignores a password file that others could read
            Path pgpass = Files.createFile(dir.resolve("pgpass"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pgpass, login.pgpassLine(host, port) + "\n");
            var builder = new ProcessBuilder(command(binary, host, port, login, args)).inheritIO();
            environment(builder.environment(), pgpass);
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        } finally {
            delete(dir);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    static List<String> command(Path psql, String host, int port, DatabaseLogin login, List<String> args) {
        var command = new ArrayList<>(List.of(psql.toString(), "--host=" + host, "--port=" + port,
                "--username=" + login.user(), "--dbname=" + login.database(), "--no-password"));
        command.addAll(args);
        return command;
    }

    /** A password the user set for other databases must not win over the pgpass file. */
    static void environment(Map<String, String> env, Path pgpass) {
        env.remove("PGPASSWORD");
        env.put("PGPASSFILE", pgpass.toString());
    }

    private static Path privateDirectory() {
        try {
            return Files.createTempDirectory("infra-psql-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory for psql's password file", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone
        }
    }
}

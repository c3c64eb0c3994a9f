package dev.infra.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * This run's private directory for helm values files, which hold secret values:
 * {@code ~/.infra/values/PID-START}, readable by its owner only. It is removed when closed or
 * when the JVM exits (a second Ctrl-C, SIGTERM); what a killed run left is swept by the next one.
 */
public final class ValuesDirectory implements AutoCloseable {
    private final Path path;
    private final Thread removal;

    private ValuesDirectory(Path path) {
        this.path = path;
        this.removal = new Thread(this::delete, "remove values files");
        Runtime.getRuntime().addShutdownHook(removal);
    }

    /** The directory of this process, under the user's home, after sweeping those of runs that are gone. */
    public static ValuesDirectory forThisProcess() {
        Path root = Path.of(System.getProperty("user.home"), ".infra", "values");
        return open(root, RunId.of(ProcessHandle.current()), RunId::isRunning);
    }

    /** {@code root/id}, after deleting every directory in {@code root} whose run is not {@code running}. */
    static ValuesDirectory open(Path root, String id, Predicate<String> running) {
        createPrivate(root.getParent());
        createPrivate(root);
        try (Stream<Path> runs = Files.list(root)) {
            runs.filter(run -> !running.test(run.getFileName().toString())).forEach(ValuesDirectory::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return new ValuesDirectory(createPrivate(root.resolve(id)));
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(removal);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting and the hook deletes the directory anyway
        }
    }

    private void delete() {
        deleteTree(path);
    }

    private static Path createPrivate(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the private directory " + dir, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** A run's name: its process id and start time, so that a reused process id is not taken for it. */
    static final class RunId {
        private RunId() {
        }

        static String of(ProcessHandle process) {
            return process.pid() + "-" + process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        }

        static boolean isRunning(String id) {
            String[] parts = id.split("-", 2);
            try {
                long pid = Long.parseLong(parts[0]);
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> of(p).equals(id)).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}

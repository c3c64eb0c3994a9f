package dev.infra.cli;

import dev.infra.errors.ConfigException;
import dev.infra.errors.PrerequisiteMissingException;
import dev.infra.run.InfraHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Where the sandbox's cluster binaries are: {@code --bin}, else {@code $INFRA_TESTBIN}, else
 * what scripts/testbin.sh builds (from Go modules the first time, minutes on a small machine).
 */
final class SandboxBinaries {
    /** A build prints a line per group of binaries, minutes apart: this says it is still going. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private SandboxBinaries() {
    }

    static Path find(Path bin, Consumer<String> progress) {
        if (bin != null) return bin;
        String env = System.getenv("INFRA_TESTBIN");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path script = InfraHome.path().resolve("scripts/testbin.sh");
        if (!Files.isRegularFile(script)) throw new ConfigException("no cluster binaries: give --bin DIR or set INFRA_TESTBIN");
        return build(script, progress);
    }

    private static Path build(Path script, Consumer<String> progress) {
        var out = new ByteArrayOutputStream();
        var executor = DefaultExecutor.builder().get();
        // its own progress (which group it builds) goes to the user's terminal
        executor.setStreamHandler(new PumpStreamHandler(out, System.err));
        var ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "sandbox-build-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> progress.accept("still building the sandbox's binaries ("
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s; the first build takes about 10 minutes on 2 cores)"),
                HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        try {
            executor.execute(new CommandLine("bash").addArgument(script.toString(), false));
        } catch (IOException e) {
            throw new PrerequisiteMissingException("cannot build the sandbox binaries with " + script + " (it needs Go): " + e.getMessage(), e);
        } finally {
            ticker.shutdownNow();
        }
        return Path.of(out.toString(StandardCharsets.UTF_8).strip());
    }
}

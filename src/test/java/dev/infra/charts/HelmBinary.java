package dev.infra.charts;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real helm binary found on PATH, run the way the install engine runs it. */
final class HelmBinary {
    private final Path executable;

    private HelmBinary(Path executable) {
        this.executable = executable;
    }

    /** Fails (never skips) when there is no helm: these tests exist to run the real one. */
    static HelmBinary onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "helm"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(HelmBinary::new)
                .orElseThrow(() -> new AssertionError("helm is not on PATH (" + path + "); run the tests with "
                        + "scripts/test.sh, which builds helm into ~/.cache/infra/testbin and puts it on PATH, "
                        + "or install helm 3"));
    }

    /** stdout of {@code helm args...}; a non-zero exit fails with the command and its stderr. */
    String run(String... args) {
        var command = new ArrayList<String>(List.of(executable.toString()));
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile("helm-stderr", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue()
                            + ":\n" + Files.readString(stderr) + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running helm", e);
        }
    }
}

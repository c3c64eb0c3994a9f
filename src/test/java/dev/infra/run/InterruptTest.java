package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C and kill -9 of a real infra up process: it ends promptly, and no values file survives. */
@KubeTest
class InterruptTest {
    static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();
    static final String VALUES_FILE = "infra-values-";

    static Path userFile(Path dir, TestNamespace ns, String... names) throws IOException {
        var yaml = new StringBuilder("profile: ci\ncomponents:\n");
        for (String name : names) {
            String chart = name.startsWith("stuck") ? "stuck" : "hello";
            yaml.append("  ").append(name).append(":\n    source: {path: ").append(CHARTS.resolve(chart))
                    .append("}\n    namespace: ").append(ns.name()).append("\n    timeout: 3m\n    values: {greeting: hi}\n");
        }
        return Files.writeString(dir.resolve("infra.yaml"), yaml);
    }

    /**
     * A helm whose upgrades hang (ignoring SIGTERM when {@code stubborn}; {@code dir}/hanging says
     * when they do) until {@code dir}/behave exists.
     */
    static Path hangingHelm(Path dir, boolean stubborn) throws IOException {
        Path wrapper = dir.resolve("helm");
        Files.writeString(wrapper, """
                #!/usr/bin/env bash
                if [[ "$1" == upgrade && ! -e "%1$s/behave" ]]; then
                  %3$s
                  touch "%1$s/hanging"
                  exec sleep 60
                fi
                exec %2$s "$@"
                """.formatted(dir, Testbin.binary("helm"), stubborn ? "trap '' TERM" : ""));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    @Test
    void ctrlCWithMoreReadyStepsThanParallelEndsTheWaitsAndExits130WithinSeconds(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = userFile(dir, ns, "stuck-a", "stuck-b", "stuck-c");
        try (var up = InfraProcess.start(dir, Map.of("INFRA_HELM", Testbin.binary("helm").toString()), "up", "-f", file.toString(),
                "--only", "stuck-a,stuck-b,stuck-c", "--parallel", "1", "--kubeconfig", ns.kubeconfig().toString())) {
            // a Deployment exists: helm is done with the first step, which now waits for readiness
            InfraProcess.await("installing", Duration.ofSeconds(60),
                    () -> !ns.client().apps().deployments().list().getItems().isEmpty());
            Thread.sleep(1000);
            up.signal("INT");
            assertTrue(up.exitsWithin(Duration.ofSeconds(10)), "still running 10s after Ctrl-C: " + up.output());
            assertEquals(130, up.process().exitValue(), up.output());
            assertTrue(up.output().contains("3 components: 0 installed, 0 unchanged, 0 failed, 3 skipped"), up.output());
            assertTrue(up.output().contains("(interrupted)"), up.output());
            assertEquals(3, up.output().lines().filter(l -> l.endsWith("skipped: interrupted")).count(),
                    "the running wait ended, none was left behind: " + up.output());
        }
        assertEquals(List.of(), InfraProcess.filesUnder(dir, VALUES_FILE));
    }

    @Test
    void aSecondCtrlCExitsAtOnceWhileHelmIgnoresTheFirstAndNoValuesFileSurvives(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = userFile(dir, ns, "greeter");
        try (var up = InfraProcess.start(dir, Map.of("INFRA_HELM", hangingHelm(dir, true).toString()), "up", "-f", file.toString(),
                "--only", "greeter", "--kubeconfig", ns.kubeconfig().toString())) {
            InfraProcess.await("running helm", Duration.ofSeconds(60), () -> Files.exists(dir.resolve("hanging")));
            assertFalse(valuesFiles(dir).isEmpty(), "helm runs with its values file");
            up.signal("INT");
            Thread.sleep(500);
            assertTrue(up.process().isAlive(), "the first Ctrl-C waits a moment for the step: " + up.output());
            up.signal("INT");
            assertTrue(up.exitsWithin(Duration.ofSeconds(2)), "the second Ctrl-C did not exit at once: " + up.output());
            assertEquals(130, up.process().exitValue(), up.output());
        }
        assertEquals(List.of(), valuesFiles(dir));
    }

    @Test
    void valuesFilesOfAKilledRunAreSweptByTheNextRun(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = userFile(dir, ns, "greeter");
        var env = Map.of("INFRA_HELM", hangingHelm(dir, false).toString());
        String[] args = {"up", "-f", file.toString(), "--only", "greeter", "--kubeconfig", ns.kubeconfig().toString()};
        try (var killed = InfraProcess.start(dir, env, args)) {
            InfraProcess.await("running helm", Duration.ofSeconds(60), () -> Files.exists(dir.resolve("hanging")));
            killed.kill();
        }
        assertFalse(valuesFiles(dir).isEmpty(), "kill -9 leaves the values file");
        Files.createFile(dir.resolve("behave"));
        try (var next = InfraProcess.start(dir, env, args)) {
            assertTrue(next.exitsWithin(Duration.ofMinutes(2)), next.output());
            assertEquals(0, next.process().exitValue(), next.output());
        }
        assertEquals(List.of(), valuesFiles(dir));
    }

    static List<Path> valuesFiles(Path dir) {
        try {
            return InfraProcess.filesUnder(dir, VALUES_FILE);
        } catch (IOException | UncheckedIOException e) {
            // a file deleted while the directory was walked
            return valuesFiles(dir);
        }
    }
}

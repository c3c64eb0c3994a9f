package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.Testbin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra up --profile sandbox on a machine where no sandbox is up, as a new user runs it. */
@Tag("cluster")
class SandboxAutoStartTest {
    @Test
    void upOfTheSandboxProfileStartsTheSandboxThenInstallsIntoItAndStatusFindsIt(@TempDir Path dir) throws Exception {
        // a state directory of its own: the user's sandbox (and other tests') stay untouched
        var env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "INFRA_HELM", Testbin.binary("helm").toString(),
                Testbin.VARIABLE, Testbin.directory().orElseThrow().toString());
        try {
            var up = run(dir, env, "up", "--profile", "sandbox", "--only", "platform", "--no-color");
            assertEquals(0, up.process().exitValue(), up.output());
            assertTrue(up.output().contains("no sandbox is up: starting one"), up.output());
            assertTrue(up.output().contains("1 components: 1 installed"), up.output());
            assertTrue(Files.isRegularFile(dir.resolve("state/infra/sandbox/kubeconfig")));

            var again = run(dir, env, "up", "--profile", "sandbox", "--only", "platform", "--no-color");
            assertEquals(0, again.process().exitValue(), again.output());
            assertTrue(again.output().contains("1 unchanged"), "the second run uses the same sandbox: " + again.output());

            var status = run(dir, env, "status", "--profile", "sandbox", "-o", "json");
            assertTrue(status.output().contains("\"context\" : \"infra-sandbox\"") || status.output().contains("\"context\":\"infra-sandbox\""),
                    status.output());
        } finally {
            run(dir, env, "sandbox", "down");
        }
        var status = run(dir, env, "status", "--profile", "sandbox");
        assertEquals(3, status.process().exitValue(), status.output());
        assertTrue(status.output().contains("no sandbox is up; infra up --profile sandbox (or infra sandbox up) starts one"),
                status.output());
    }

    private static InfraProcess run(Path dir, Map<String, String> env, String... args) throws Exception {
        try (var infra = InfraProcess.start(dir, env, args)) {
            assertTrue(infra.exitsWithin(Duration.ofMinutes(3)), "still running: " + infra.output());
            return infra;
        }
    }
}

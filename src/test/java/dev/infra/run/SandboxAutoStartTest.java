package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.Testbin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra up --profile sandbox on a machine where no sandbox is up, as a new user runs it, and after a restart of the machine. */
@Tag("cluster")
class SandboxAutoStartTest {
    @Test
    void upOfTheSandboxProfileStartsTheSandboxThenInstallsIntoItStatusFindsItAndUpStartsItAgainAfterARestart(@TempDir Path dir) throws Exception {
        // a state directory of its own: the user's sandbox (and other tests') stay untouched
        var env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "INFRA_HELM", Testbin.binary("helm").toString(),
                Testbin.VARIABLE, Testbin.directory().orElseThrow().toString());
        try {
            var up = run(dir, env, "up", "--profile", "sandbox", "--only", "platform", "--no-color");
            assertEquals(0, up.process().exitValue(), up.output());
            assertTrue(up.output().contains("no sandbox is up: starting one"), up.output());
            assertTrue(up.output().contains("1 components: 1 installed"), up.output());
            assertTrue(Files.isRegularFile(dir.resolve("state/infra/sandbox/kubeconfig")));

            var status = run(dir, env, "status", "--profile", "sandbox", "-o", "json");
            assertTrue(status.output().contains("\"context\" : \"infra-sandbox\"") || status.output().contains("\"context\":\"infra-sandbox\""),
                    status.output());

            killEveryProcessOf(dir.resolve("state/infra/sandbox"));
            var stopped = run(dir, env, "status", "--profile", "sandbox");
            assertEquals(3, stopped.process().exitValue(), stopped.output());
            assertTrue(stopped.output().contains("the sandbox is stopped"), stopped.output());
            var resumed = run(dir, env, "up", "--profile", "sandbox", "--only", "platform", "--no-color");
            assertEquals(0, resumed.process().exitValue(), resumed.output());
            assertTrue(resumed.output().contains("starting the stopped sandbox again"), resumed.output());
            assertTrue(resumed.output().contains("1 unchanged"), "the same sandbox, as it was: " + resumed.output());
        } finally {
            run(dir, env, "sandbox", "down");
        }
        var status = run(dir, env, "status", "--profile", "sandbox");
        assertEquals(3, status.process().exitValue(), status.output());
        assertTrue(status.output().contains("no sandbox is up; infra up --profile sandbox (or infra sandbox up) starts one"),
                status.output());
    }

    /** As a restart of the machine leaves it: state and kubeconfig, no process (kwok's pid files and the simulator's). */
    private static void killEveryProcessOf(Path state) throws Exception {
        List<Path> pidFiles = new ArrayList<>(List.of(state.resolve("simulator.pid")));
        try (var files = Files.list(state.resolve("kwok/clusters/infra-sandbox/pids"))) {
            files.forEach(pidFiles::add);
        }
        for (Path pidFile : pidFiles) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    private static InfraProcess run(Path dir, Map<String, String> env, String... args) throws Exception {
        try (var infra = InfraProcess.start(dir, env, args)) {
            assertTrue(infra.exitsWithin(Duration.ofMinutes(3)), "still running: " + infra.output());
            return infra;
        }
    }
}

package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.Testbin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("cluster")
class SandboxSimulatorTest {
    private static String log(Sandbox sandbox) {
        try {
            return "simulator log: " + Files.readString(sandbox.simulatorLog());
        } catch (IOException e) {
            return "no simulator log: " + e;
        }
    }

    @Test
    void theSimulatorRunsBesideTheSandboxIsStartedAgainWhenLostAndStopsWithIt(@TempDir Path state) {
        Path bin = Testbin.directory().orElseThrow(() -> new AssertionError("INFRA_TESTBIN is unset: run the tests with scripts/test.sh"));
        var sandbox = new Sandbox(state);
        sandbox.up(bin, 1, line -> { });
        try {
            assertTrue(sandbox.simulatorRunning(), () -> log(sandbox));
            assertFalse(sandbox.ensureSimulator(), "a running simulator is left alone");
            new SimulatorProcess(state).stop(state.resolve("egress.sock"));
            assertFalse(sandbox.simulatorRunning());
            assertTrue(sandbox.ensureSimulator());
            assertTrue(sandbox.simulatorRunning());
        } finally {
            sandbox.down(bin);
        }
        assertFalse(sandbox.simulatorRunning());
    }
}

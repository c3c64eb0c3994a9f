package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.kube.Kube;
import dev.infra.kube.KubeTarget;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("cluster")
class SandboxTest {
    @Test
    void sandboxStartsAClusterWhoseContextTheSandboxProfileAcceptsAndStopsIt(@TempDir Path state) {
        String bin = System.getenv("INFRA_TESTBIN");
        assertTrue(bin != null && !bin.isBlank(), "INFRA_TESTBIN is unset: run the tests with scripts/test.sh");
        var sandbox = new Sandbox(state);
        var cluster = sandbox.up(Path.of(bin), 1, line -> { });
        try (var session = Kube.connect(new KubeTarget(sandbox.kubeconfig(), null))) {
            assertEquals(Sandbox.CONTEXT, session.context());
            assertTrue(Catalog.bundled().resolve("sandbox", Optional.empty()).allowsContext(session.context()));
            assertEquals(1, session.client().nodes().list().getItems().size());
            System.out.printf("sandbox started in %.1fs%n", cluster.startupTime().toMillis() / 1000.0);
        } finally {
            sandbox.down(Path.of(bin));
        }
        assertFalse(sandbox.exists());
    }
}

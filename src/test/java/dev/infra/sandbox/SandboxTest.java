package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.kube.Kube;
import dev.infra.kube.KubeTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("cluster")
class SandboxTest {
    @Test
    void sandboxStartsAClusterWhoseContextTheSandboxProfileAcceptsAndStopsIt(@TempDir Path state) {
        var sandbox = new Sandbox(state);
        withSandbox(sandbox, cluster -> {
            try (var session = Kube.connect(new KubeTarget(sandbox.kubeconfig(), null))) {
                assertEquals(Sandbox.CONTEXT, session.context());
                assertTrue(Catalog.bundled().resolve("sandbox", Optional.empty()).allowsContext(session.context()));
                assertEquals(1, session.client().nodes().list().getItems().size());
                System.out.printf("sandbox started in %.1fs%n", cluster.startupTime().toMillis() / 1000.0);
            }
        });
        assertFalse(sandbox.exists());
    }

    @Test
    void everyProcessOfTheSandboxListensOnLoopbackOnly(@TempDir Path state) {
        withSandbox(new Sandbox(state), cluster -> {
            var addresses = ListeningSockets.ofProcessesMentioning(state.toString());
            // etcd, kube-apiserver, controller-manager, scheduler and kwok each listen on something
            assertTrue(addresses.size() >= 5, "the sandbox's listening sockets: " + addresses);
            assertTrue(addresses.stream().allMatch(a -> a.startsWith("127.0.0.1:") || a.startsWith("[::1]:")),
                    "reachable from other machines: " + addresses);
        });
    }

    @Test
    void socketAddressesReadAsSsShowsThem() {
        assertEquals("127.0.0.1:3306", ListeningSockets.address("0100007F:0CEA"));
        assertEquals("0.0.0.0:2379", ListeningSockets.address("00000000:094B"));
        assertEquals("[::1]:6443", ListeningSockets.address("00000000000000000000000001000000:192B"));
        assertEquals("[::]:80", ListeningSockets.address("00000000000000000000000000000000:0050"));
    }

    private static void withSandbox(Sandbox sandbox, Consumer<LocalCluster> test) {
        String bin = System.getenv("INFRA_TESTBIN");
        assertTrue(bin != null && !bin.isBlank(), "INFRA_TESTBIN is unset: run the tests with scripts/test.sh");
        var cluster = sandbox.up(Path.of(bin), 1, line -> { });
        try {
            test.accept(cluster);
        } finally {
            sandbox.down(Path.of(bin));
        }
    }
}

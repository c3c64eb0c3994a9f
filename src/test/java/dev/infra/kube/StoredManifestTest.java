package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.kube.InstallState.Revision;
import dev.infra.testing.AlsoWithHelm3;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import dev.infra.testing.UpstreamCharts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest infra reads from helm's storage is the one {@code helm get manifest} prints, with helm 4 and helm 3. */
@KubeTest
@AlsoWithHelm3
class StoredManifestTest {
    record Run(int code, String out) {
    }

    @Test
    void manifestReadFromStorageIsWhatHelmGetManifestPrintsForTheNewestRevision(TestNamespace ns) throws Exception {
        var state = InstallState.of(ns.client());
        assertEquals("", state.manifest("cache", ns.name()));
        assertTrue(state.manifestId("cache", ns.name()).isEmpty());
        String chart = UpstreamCharts.chart("redis", "23.1.1").toString();

        assertEquals(0, helm(ns, "install", "cache", chart).code());
        String first = state.manifest("cache", ns.name());
        var firstId = state.manifestId("cache", ns.name());
        assertTrue(firstId.isPresent());
        assertEquals(helm(ns, "get", "manifest", "cache").out(), first + "\n", "helm prints the manifest with a line end");

        assertEquals(0, helm(ns, "upgrade", "cache", chart, "--set", "replica.replicaCount=2").code());
        String second = state.manifest("cache", ns.name());
        assertNotEquals(first, second);
        assertNotEquals(firstId, state.manifestId("cache", ns.name()), "another revision, another record");
        assertEquals(helm(ns, "get", "manifest", "cache").out(), second + "\n");

        // the API server refuses the StatefulSet: helm keeps the revision as failed, and still shows it
        assertTrue(helm(ns, "upgrade", "cache", chart, "--set", "replica.replicaCount=-1").code() != 0);
        assertEquals(new Revision(3, "failed"), state.revisions("cache", ns.name()).get(0));
        String failed = state.manifest("cache", ns.name());
        assertTrue(failed.contains("replicas: -1"), failed);
        assertEquals(helm(ns, "get", "manifest", "cache").out(), failed + "\n");
    }

    /** The helm of this test run (helm 3 in the helm3 pass): its exit code and stdout; stderr goes to the test log. */
    private static Run helm(TestNamespace ns, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Testbin.helm().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--namespace", ns.name(), "--kubeconfig", ns.kubeconfig().toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out);
    }
}

package dev.infra.run;

import static dev.infra.run.UpCommandTest.infra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests of a kind the cluster does not serve fail with what is missing, and nothing is applied. */
@KubeTest
class UnservedApiTest {
    @Test
    void aKindNoCrdDefinesFailsNamingItsApiVersionAndTheComponentThatProvidesIt(TestNamespace ns, @TempDir Path dir)
            throws IOException {
        Path manifests = Files.createDirectories(dir.resolve("gadgets"));
        Files.writeString(manifests.resolve("10-config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gadget-config}\n");
        Files.writeString(manifests.resolve("20-gadget.yaml"), "apiVersion: example.test/v1\nkind: Gadget\nmetadata: {name: one}\n");
        Path file = Files.writeString(dir.resolve("infra.yaml"), """
                profile: ci
                components:
                  gadgets:
                    source: {manifests: %s}
                    namespace: %s
                  gadget-operator:
                    source: {path: %s}
                    namespace: %s
                    provides: [example.test/Gadget]
                """.formatted(manifests, ns.name(), UpCommandTest.CHARTS.resolve("hello"), ns.name()));

        var run = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "gadgets", "-o", "json");

        assertEquals(1, run.code(), run.all());
        assertTrue(run.out().contains("example.test/v1 Gadget one is not served (the cluster serves no API group example.test); "
                + "its CRD comes with component 'gadget-operator', which must be installed first"), run.out());
        assertFalse(run.all().contains("registered handler"), run.all());
        assertNull(ns.client().configMaps().withName("gadget-config").get(), "nothing of the component is applied");
    }
}

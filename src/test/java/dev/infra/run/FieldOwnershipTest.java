package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.kube.InstallState;
import dev.infra.run.UpCommandTest.Run;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What infra changes on objects a chart owns (the maintenance switch flips the static-assets
 * ingress's class and patches its message) survives the next {@code infra up}: with helm 4,
 * whose upgrades apply server-side, and on a release helm 3 installed and helm 4 upgrades.
 * infra runs helm 4 here; helm 3 comes from scripts/testbin.sh as helm3.
 */
@KubeTest
class FieldOwnershipTest {
    @Test
    void maintenanceStaysOnThroughAForcedRerunWithHelm4(TestNamespace ns, @TempDir Path dir) throws Exception {
        String file = staticAssetsIn(ns, dir);
        assertOk(UpCommandTest.infra(ns.kubeconfig(), "up", "-f", file, "--only", "static-assets"));
        assertTrue(appliedServerSide(ingress(ns)), "helm 4 installs with server-side apply: " + managers(ingress(ns)));
        assertOk(UpCommandTest.infra(ns.kubeconfig(), "maintenance", "on", "-f", file, "--message", "Back at 10"));

        assertOk(UpCommandTest.infra(ns.kubeconfig(), "up", "--force", "-f", file, "--only", "static-assets"));

        assertMaintenanceOn(ns, "Back at 10", 2);
        assertOk(UpCommandTest.infra(ns.kubeconfig(), "maintenance", "off", "-f", file));
        assertEquals("disabled", ingress(ns).getSpec().getIngressClassName(), "the switch still works after the upgrade");
    }

    @Test
    void aReleaseHelm3InstalledIsUpgradedByHelm4AndKeepsMaintenanceOn(TestNamespace ns, @TempDir Path dir) throws Exception {
        String file = staticAssetsIn(ns, dir);
        var byHelm3 = FaultTest.infra(Map.of("INFRA_HELM", Testbin.helm3().toString()), "up", "-f", file,
                "--only", "static-assets", "--kubeconfig", ns.kubeconfig().toString());
        assertEquals(0, byHelm3.code(), byHelm3.out() + byHelm3.err());
        assertFalse(appliedServerSide(ingress(ns)), "helm 3 applies client-side: " + managers(ingress(ns)));
        assertOk(UpCommandTest.infra(ns.kubeconfig(), "maintenance", "on", "-f", file, "--message", "Back at 10"));

        assertOk(UpCommandTest.infra(ns.kubeconfig(), "up", "--force", "-f", file, "--only", "static-assets"));

        assertMaintenanceOn(ns, "Back at 10", 2);
        assertOk(UpCommandTest.infra(ns.kubeconfig(), "up", "--force", "-f", file, "--only", "static-assets"));
        assertMaintenanceOn(ns, "Back at 10", 3);
    }

    private static String staticAssetsIn(TestNamespace ns, Path dir) throws Exception {
        return Files.writeString(dir.resolve("infra.yaml"),
                "profile: ci\ncomponents:\n  static-assets:\n    namespace: " + ns.name() + "\n").toString();
    }

    /** On, with its message, and helm's newest revision {@code revision} deployed: the rerun did upgrade. */
    private static void assertMaintenanceOn(TestNamespace ns, String message, int revision) {
        assertEquals("nginx", ingress(ns).getSpec().getIngressClassName(), "maintenance was turned off by the upgrade");
        assertEquals(message, ns.client().configMaps().withName("static-assets-maintenance").get().getData().get("message"));
        var newest = InstallState.of(ns.client()).revisions("static-assets", ns.name()).get(0);
        assertEquals(List.of(revision, "deployed"), List.of(newest.number(), newest.status()));
    }

    private static void assertOk(Run run) {
        assertEquals(0, run.code(), run.all());
    }

    private static Ingress ingress(TestNamespace ns) {
        return ns.client().network().v1().ingresses().withName("static-assets-maintenance").get();
    }

    private static boolean appliedServerSide(Ingress ingress) {
        return ingress.getMetadata().getManagedFields().stream().anyMatch(f -> "Apply".equals(f.getOperation()));
    }

    private static List<String> managers(Ingress ingress) {
        return ingress.getMetadata().getManagedFields().stream().map(ManagedFieldsEntry::getManager).toList();
    }
}

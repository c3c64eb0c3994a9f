package dev.infra.run;

import static dev.infra.run.UpCommandTest.component;
import static dev.infra.run.UpCommandTest.infra;
import static dev.infra.run.UpCommandTest.userFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra down of some components, of partial installs and of their data, against a real API server with the real helm. */
@KubeTest
class DownCommandTest {
    static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();

    static String manifests(String name, String dir, String namespace) {
        return "  " + name + ":\n    source: {manifests: " + RESOURCES.resolve("manifests/" + dir) + "}\n    namespace: " + namespace + "\n";
    }

    static boolean goneOrGoing(HasMetadata object) {
        return object == null || object.getMetadata().getDeletionTimestamp() != null;
    }

    static String generatedSecret(String name) {
        return "    secrets:\n      - {name: " + name + ", keys: [token], generate: true}\n";
    }

    /** {@code base} and {@code top}, which needs it, both installed, each with a generated secret. */
    static Path baseAndTop(TestNamespace ns, Path dir) throws IOException {
        Path file = userFile(dir, component("base", "hello", ns.name(), generatedSecret("base-token"))
                + component("top", "hello", ns.name(), "    needs: [base]\n" + generatedSecret("top-token")));
        var up = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "top");
        assertEquals(0, up.code(), up.all());
        return file;
    }

    @Test
    void downOnlyRemovesTheNamedComponentAndKeepsWhatItNeeds(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = baseAndTop(ns, dir);
        var down = infra(ns.kubeconfig(), "down", "--yes", "--delete-data", "-f", file.toString(), "--only", "top");
        assertEquals(0, down.code(), down.all());
        assertNull(ns.client().apps().deployments().withName("top").get());
        assertNull(ns.client().secrets().withName("top-token").get());
        assertNotNull(ns.client().apps().deployments().withName("base").get(), "what top needs stays");
        assertNotNull(ns.client().configMaps().withName("infra-state-base").get());
        assertNotNull(ns.client().secrets().withName("base-token").get(), "and so do its data and secrets");
    }

    @Test
    void downOnlyRefusesWhileAnInstalledComponentNeedsItAndRemovesNothing(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = baseAndTop(ns, dir);
        var refused = infra(ns.kubeconfig(), "down", "--yes", "-f", file.toString(), "--only", "base");
        assertEquals(2, refused.code(), refused.all());
        assertEquals("infra: error: installed components still need what down would remove (top needs base); remove them too, or first",
                refused.err().strip());
        assertNotNull(ns.client().apps().deployments().withName("base").get());
        assertNotNull(ns.client().apps().deployments().withName("top").get());

        var both = infra(ns.kubeconfig(), "down", "--yes", "-f", file.toString(), "--only", "base,top");
        assertEquals(0, both.code(), both.all());
        assertNull(ns.client().apps().deployments().withName("base").get());
        assertNull(ns.client().apps().deployments().withName("top").get());
    }

    @Test
    void downOnlyOfACatalogComponentLeavesThePlatformStepWhichItRefusesToRemoveWhileNeeded(TestNamespace ns) {
        var up = infra(ns.kubeconfig(), "up", "--profile", "ci", "--only", "static-assets");
        assertEquals(0, up.code(), up.all());

        var refused = infra(ns.kubeconfig(), "down", "--yes", "--profile", "ci", "--only", "platform");
        assertEquals(2, refused.code(), refused.all());
        assertTrue(refused.err().contains("static-assets needs platform"), refused.err());
        assertNotNull(ns.client().configMaps().inNamespace("apps").withName("cluster-config").get());

        var down = infra(ns.kubeconfig(), "down", "--yes", "--profile", "ci", "--only", "static-assets");
        assertEquals(0, down.code(), down.all());
        assertNull(ns.client().apps().deployments().inNamespace("infra").withName("static-assets").get());
        assertNotNull(ns.client().configMaps().inNamespace("apps").withName("cluster-config").get(), "the platform step stays");
    }

    @Test
    void downAfterTheCrdOfAnInstalledObjectWasRemovedTreatsTheObjectAsGone(TestNamespace ns, @TempDir Path dir) throws IOException {
        var crd = ns.client().apiextensions().v1().customResourceDefinitions()
                .load(new FileInputStream(RESOURCES.resolve("crds/widget.yaml").toFile())).item();
        var crds = ns.client().apiextensions().v1().customResourceDefinitions();
        crds.resource(crd).serverSideApply();
        try {
            crds.withName(crd.getMetadata().getName()).waitUntilCondition(DownCommandTest::established, 30, TimeUnit.SECONDS);
            Path file = userFile(dir, manifests("widgets", "widgets", ns.name()) + component("widget-release", "widgets", ns.name(), ""));
            var up = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "widgets,widget-release");
            assertEquals(0, up.code(), up.all());
            assertNotNull(ns.client().genericKubernetesResources("infra.test/v1", "Widget").withName("gadget").get());
            assertNotNull(ns.client().genericKubernetesResources("infra.test/v1", "Widget").withName("widget-release").get());
        } finally {
            crds.withName(crd.getMetadata().getName()).delete();
            crds.withName(crd.getMetadata().getName()).waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);
        }
        var down = infra(ns.kubeconfig(), "down", "--yes", "-f", dir.resolve("infra.yaml").toString(), "--only", "widgets,widget-release");
        assertEquals(0, down.code(), down.all());
        assertNull(ns.client().configMaps().withName("widget-settings").get());
        assertNull(ns.client().configMaps().withName("infra-state-widgets").get());
        assertNull(ns.client().configMaps().withName("widget-release-settings").get());
        assertTrue(ns.client().secrets().withLabel("owner", "helm").withLabel("name", "widget-release").list().getItems().isEmpty(),
                "the release is gone");
    }

    @Test
    void downAfterAnInstallThatFailedHalfwayRemovesWhatItApplied(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, manifests("half", "half-applied", ns.name()) + component("stuck", "stuck", ns.name(), "    timeout: 2s\n"));
        var up = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "half,stuck");
        assertTrue(up.code() != 0, "the Service is refused and stuck never becomes ready: " + up.all());
        assertNotNull(ns.client().configMaps().withName("half-settings").get(), "applied before the Service was refused: " + up.all());
        assertNotNull(ns.client().apps().deployments().withName("stuck").get());

        var down = infra(ns.kubeconfig(), "down", "--yes", "-f", file.toString(), "--only", "half,stuck");
        assertEquals(0, down.code(), down.all());
        assertNull(ns.client().configMaps().withName("half-settings").get());
        assertNull(ns.client().apps().deployments().withName("stuck").get());
    }

    @Test
    void downOfUpstreamManifestsNeedsNeitherTheNetworkNorTheChartSource(TestNamespace ns, @TempDir Path dir) throws IOException {
        // nothing listens on the discard port: a download fails at once
        Path file = userFile(dir, "  upstream:\n    source: {urls: [\"http://127.0.0.1:9/upstream-settings.yaml\"], chart: upstream, version: \"1\"}\n"
                + "    namespace: " + ns.name() + "\n");
        var up = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "upstream", "--chart-source", RESOURCES.resolve("upstream").toString());
        assertEquals(0, up.code(), up.all());
        assertNotNull(ns.client().configMaps().withName("upstream-settings").get());

        var down = infra(ns.kubeconfig(), "down", "--yes", "-f", file.toString(), "--only", "upstream");
        assertEquals(0, down.code(), down.all());
        assertNull(ns.client().configMaps().withName("upstream-settings").get());
    }

    @Test
    void downOfAComponentInstalledBeforeObjectsWereRecordedRemovesWhatItsManifestsName(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, manifests("spaces", "owned-namespace", ns.name()));
        assertEquals(0, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "spaces").code());
        ns.client().configMaps().withName("infra-state-spaces").edit(record -> {
            record.getData().remove("objects");
            return record;
        });

        var down = infra(ns.kubeconfig(), "down", "--yes", "-f", file.toString(), "--only", "spaces");
        assertEquals(0, down.code(), down.all());
        assertNull(ns.client().configMaps().withName("settings").get());
        assertFalse(goneOrGoing(ns.client().namespaces().withName(ns.name()).get()), "namespaces stay without --delete-data");
    }

    @Test
    void downDeleteDataDeletesTheClaimsOfTheRemovedStatefulSetAndNoOthers(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, component("foo", "claims", ns.name(), "") + component("foo-bar", "claims", ns.name(), ""));
        var up = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "foo,foo-bar");
        assertEquals(0, up.code(), up.all());
        for (String claim : new String[] {"data-foo-0", "data-foo-1", "data-foo-bar-0", "cache-foo-0"}) createClaim(ns.client(), claim);

        var down = infra(ns.kubeconfig(), "down", "--yes", "--delete-data", "-f", file.toString(), "--only", "foo");
        assertEquals(0, down.code(), down.all());
        var claims = ns.client().persistentVolumeClaims();
        assertTrue(goneOrGoing(claims.withName("data-foo-0").get()) && goneOrGoing(claims.withName("data-foo-1").get()));
        assertFalse(goneOrGoing(claims.withName("data-foo-bar-0").get()), "foo-bar's claim is not foo's");
        assertFalse(goneOrGoing(claims.withName("cache-foo-0").get()), "no template of foo is called cache");
    }

    @Test
    void downDeleteDataKeepsANamespaceThatHoldsWhatInfraNeverInstalled(TestNamespace ns, @TempDir Path dir) throws IOException {
        String owned = ns.name() + "-own";
        Path file = userFile(dir, manifests("spaces", "owned-namespace", owned));
        try {
            assertEquals(0, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "spaces").code());
            var theirs = ns.client().apps().deployments().inNamespace(owned).resource(new DeploymentBuilder()
                    .withNewMetadata().withName("not-ours").endMetadata()
                    .withNewSpec().withNewSelector().addToMatchLabels("app", "not-ours").endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", "not-ours").endMetadata()
                    .withNewSpec().addNewContainer().withName("main").withImage("registry.example/theirs:1").endContainer().endSpec()
                    .endTemplate().endSpec().build()).create();

            var kept = infra(ns.kubeconfig(), "down", "--yes", "--delete-data", "-f", file.toString(), "--only", "spaces");
            assertEquals(0, kept.code(), kept.all());
            assertTrue(kept.out().contains("kept namespace " + owned + ", which still holds Deployment not-ours"), kept.out());
            assertFalse(goneOrGoing(ns.client().namespaces().withName(owned).get()));
            assertNotNull(ns.client().apps().deployments().inNamespace(owned).withName("not-ours").get());
            assertNull(ns.client().configMaps().inNamespace(owned).withName("settings").get(), "the component's own objects go");

            ns.client().resource(theirs).withTimeout(30, TimeUnit.SECONDS).delete();
            assertEquals(0, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "spaces").code());
            var emptied = infra(ns.kubeconfig(), "down", "--yes", "--delete-data", "-f", file.toString(), "--only", "spaces");
            assertEquals(0, emptied.code(), emptied.all());
            assertTrue(goneOrGoing(ns.client().namespaces().withName(owned).get()), "an empty namespace goes: " + emptied.out());
        } finally {
            ns.client().namespaces().withName(owned).delete();
        }
    }

    @Test
    void downDeleteDataKeepsANamespaceWhoseContentsAnUnansweringApiHides(TestNamespace ns, @TempDir Path dir) throws IOException {
        String owned = ns.name() + "-own";
        Path file = userFile(dir, manifests("spaces", "owned-namespace", owned));
        // an aggregated API whose server does not exist: the API server answers 503 for it
        var broken = ns.client().load(new ByteArrayInputStream("""
                apiVersion: apiregistration.k8s.io/v1
                kind: APIService
                metadata: {name: v1.broken.infra.test}
                spec:
                  group: broken.infra.test
                  version: v1
                  service: {namespace: %s, name: nowhere, port: 443}
                  insecureSkipTLSVerify: true
                  groupPriorityMinimum: 1000
                  versionPriority: 15
                """.formatted(ns.name()).getBytes(StandardCharsets.UTF_8))).items();
        try {
            assertEquals(0, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "spaces").code());
            ns.client().resourceList(broken).create();
            var kept = infra(ns.kubeconfig(), "down", "--yes", "--delete-data", "-f", file.toString(), "--only", "spaces");
            assertEquals(0, kept.code(), kept.all());
            assertTrue(kept.out().contains("kept namespace " + owned + ", which still holds objects of the unanswering API broken.infra.test/v1"),
                    kept.out());
            assertFalse(goneOrGoing(ns.client().namespaces().withName(owned).get()));
        } finally {
            ns.client().resourceList(broken).delete();
            ns.client().namespaces().withName(owned).delete();
        }
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
    }

    static void createClaim(KubernetesClient client, String name) {
        client.persistentVolumeClaims().resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources().withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources().endSpec().build()).create();
    }
}

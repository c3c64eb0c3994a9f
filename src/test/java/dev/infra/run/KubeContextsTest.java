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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A run goes only where the profile allows, and every helm and API call of it goes to the context
 * that was checked, whatever the kubeconfig says later.
 */
@KubeTest
class KubeContextsTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The test's kubeconfig plus a context "elsewhere" whose API server does not answer. */
    private static Path kubeconfigWithAnotherContext(TestNamespace ns, Path dir) throws IOException {
        var config = (ObjectNode) YAML.readTree(Files.readString(ns.kubeconfig()));
        ((ArrayNode) config.get("clusters")).addObject().put("name", "elsewhere")
                .putObject("cluster").put("server", "https://127.0.0.1:1");
        var context = ((ArrayNode) config.get("contexts")).addObject().put("name", "elsewhere").putObject("context");
        context.put("cluster", "elsewhere").put("user", config.get("contexts").get(0).path("context").path("user").asString());
        return Files.writeString(dir.resolve("kubeconfig"), YAML.writeValueAsString(config));
    }

    private static void switchCurrentContext(Path kubeconfig, String context) throws IOException {
        var config = (ObjectNode) YAML.readTree(Files.readString(kubeconfig));
        config.put("current-context", context);
        Files.writeString(kubeconfig, YAML.writeValueAsString(config));
    }

    @Test
    void helmGetsTheCheckedContextEvenWhenTheUserNamedNone(TestNamespace ns, @TempDir Path dir) throws IOException {
        String context = ns.client().getConfiguration().getCurrentContext().getName();
        Path file = userFile(dir, component("pinned", "hello", ns.name(), ""));
        var run = infra(ns.kubeconfig(), "up", "-v", "-f", file.toString(), "--only", "pinned");
        assertEquals(0, run.code(), run.all());
        var clusterCalls = run.err().lines().filter(l -> l.startsWith("$ ") && !l.contains(" version ")).toList();
        assertFalse(clusterCalls.isEmpty(), run.err());
        clusterCalls.forEach(call -> assertTrue(call.endsWith("--kube-context " + context), call));
    }

    @Test
    void aCurrentContextChangedMidRunDoesNotRedirectTheRun(TestNamespace ns, @TempDir Path dir) throws Exception {
        String context = ns.client().getConfiguration().getCurrentContext().getName();
        Path kubeconfig = kubeconfigWithAnotherContext(ns, dir);
        Path file = userFile(dir, component("first", "hello", ns.name(), "")
                + component("second", "hello", ns.name(), "    needs: [first]\n"));
        var run = CompletableFuture.supplyAsync(() -> infra(kubeconfig, "up", "-f", file.toString(), "--only", "second"));
        // as soon as helm stored the first release, another tool switches the current context
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (ns.client().secrets().withLabel("owner", "helm").withLabel("name", "first").list().getItems().isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline) && !run.isDone(), "first was never installed: " + (run.isDone() ? run.get().all() : ""));
            Thread.sleep(20);
        }
        switchCurrentContext(kubeconfig, "elsewhere");
        var result = run.get();
        assertEquals(0, result.code(), "switched from " + context + " mid-run: " + result.all());
        assertNotNull(ns.client().apps().deployments().withName("second").get(), "second went to the checked context");
    }
    @Test
    void infraYamlWideningAProductionProfileIsRefusedUntilAccepted(TestNamespace ns, @TempDir Path dir) throws IOException {
        String context = ns.client().getConfiguration().getCurrentContext().getName();
        Path file = Files.writeString(dir.resolve("infra.yaml"), "contexts: [\"" + context + "\"]\ncomponents:\n"
                + component("widened", "hello", ns.name(), ""));

        var refused = infra(ns.kubeconfig(), "up", "--profile", "eks", "--yes", "-f", file.toString(), "--only", "widened");
        assertEquals(2, refused.code(), refused.all());
        assertEquals("infra: error: infra.yaml lets production profile 'eks' onto context '" + context + "', which the profile's "
                + "own contexts (arn:aws:eks:*:*:cluster/*, arn:aws-cn:eks:*:*:cluster/*, arn:aws-us-gov:eks:*:*:cluster/*, "
                + "*@*.eksctl.io) do not accept; pass --accept-contexts if you mean it\n", refused.err());
        assertNull(ns.client().apps().deployments().withName("widened").get(), "nothing installed");

        var doctor = infra(ns.kubeconfig(), "doctor", "--profile", "eks", "-f", file.toString());
        assertTrue(doctor.out().contains("only infra.yaml lets production profile eks onto " + context), doctor.out());

        var accepted = infra(ns.kubeconfig(), "up", "--profile", "eks", "--yes", "--accept-contexts", "-f", file.toString(),
                "--only", "widened");
        assertEquals(0, accepted.code(), accepted.all());
        assertNotNull(ns.client().apps().deployments().withName("widened").get());
    }
}

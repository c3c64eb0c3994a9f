package dev.infra.run;

import static dev.infra.run.UpCommandTest.component;
import static dev.infra.run.UpCommandTest.infra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.AlsoWithHelm3;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.UpstreamCharts;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * infra diff against a real API server with the real helm: a chart of this project's tests, the
 * real headlamp chart of ../shared/upstream-charts, a chart fed a generated secret, and plain
 * manifests, in the test's own namespace.
 */
@KubeTest
@AlsoWithHelm3
class DiffCommandTest {
    private static final List<String> ALL = List.of("web", "login", "ui", "settings");

    @TempDir
    Path dir;

    private Path infraYaml(TestNamespace ns, String greeting) throws IOException {
        return infraYaml(ns, greeting, "");
    }

    /** {@code header}: more top-level fields of the infra.yaml, such as {@code confirm: true}. */
    private Path infraYaml(TestNamespace ns, String greeting, String header) throws IOException {
        Path manifests = Files.createDirectories(dir.resolve("settings"));
        Files.writeString(manifests.resolve("settings.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {owner: team, namespace: ${namespace}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: settings}
                spec:
                  selector: {app: settings}
                  ports: [{port: 80, targetPort: 8080}]
                """);
        return Files.writeString(dir.resolve("infra.yaml"), "profile: ci\n" + header + "components:\n"
                + component("web", "hello", ns.name(), "    values: {greeting: " + greeting + "}\n")
                + component("login", "login", ns.name(), "    secrets:\n      - {name: login-secret, keys: [password], generate: true}\n"
                        + "    values: {password: \"${secret:login-secret/password}\"}\n")
                + "  ui:\n    source: {repo: https://kubernetes-sigs.github.io/headlamp/, chart: headlamp, version: 0.45.0}\n"
                + "    namespace: " + ns.name() + "\n    values: {fullnameOverride: ui, clusterRoleBinding: {create: false}}\n"
                + "  settings:\n    source: {manifests: " + manifests + "}\n    namespace: " + ns.name() + "\n");
    }

    private static UpCommandTest.Run run(TestNamespace ns, String command, Path file, String... more) {
        var args = new ArrayList<>(List.of(command, "-f", file.toString(), "--only", String.join(",", ALL),
                "--chart-source", UpstreamCharts.DIR.toString()));
        args.addAll(List.of(more));
        return infra(ns.kubeconfig(), args.toArray(String[]::new));
    }

    /** component -> its records of {@code diff -o json}. */
    private static Map<String, List<JsonNode>> records(UpCommandTest.Run diff) {
        var byComponent = new TreeMap<String, List<JsonNode>>();
        diff.events().forEach(r -> byComponent.computeIfAbsent(r.path("component").asString(), c -> new ArrayList<>()).add(r));
        return byComponent;
    }

    /** component -> its state, from the first of its records. */
    private static Map<String, String> states(UpCommandTest.Run diff) {
        var states = new TreeMap<String, String>();
        records(diff).forEach((component, records) -> states.put(component, records.get(0).path("state").asString()));
        return states;
    }

    @Test
    void aFreshNamespaceWouldInstallEverythingAfterUpNothingChangesThenOneValueIsExactlyOneChange(TestNamespace ns) throws IOException {
        Path file = infraYaml(ns, "hi");
        var fresh = run(ns, "diff", file, "-o", "json");
        assertEquals(10, fresh.code(), fresh.all());
        assertEquals(Map.of("web", "install", "login", "install", "ui", "install", "settings", "install"), states(fresh), fresh.out());

        var up = run(ns, "up", file);
        assertEquals(0, up.code(), up.all());
        var same = run(ns, "diff", file);
        assertEquals(0, same.code(), same.all());
        assertEquals("no changes: 4 components unchanged\n", same.out());
        System.out.printf("diff of 4 installed components (a real chart among them): %.1fs%n", same.took().toMillis() / 1000.0);

        Path changed = infraYaml(ns, "bye");
        var one = run(ns, "diff", changed, "-o", "json");
        assertEquals(10, one.code(), one.all());
        assertEquals(Map.of("web", "changed", "login", "unchanged", "ui", "unchanged", "settings", "unchanged"), states(one), one.out());
        assertEquals(1, records(one).get("web").size(), one.out());
        JsonNode web = records(one).get("web").get(0);
        assertEquals("Deployment", web.path("object").path("kind").asString());
        assertEquals(List.of("-          value: hi", "+          value: bye"), changedLines(web.path("diff").asString()), web.toString());

        var text = run(ns, "diff", changed);
        assertTrue(text.out().contains("~ web       Deployment " + ns.name() + "/web changed\n"), text.out());
        assertTrue(text.out().endsWith("0 to install, 1 to change (1 object), 3 unchanged\n"), text.out());
    }

    @Test
    void aRotatedGeneratedSecretShowsItsKeyChangedAndNeverAValue(TestNamespace ns) throws IOException {
        Path file = infraYaml(ns, "hi");
        var up = run(ns, "up", file);
        assertEquals(0, up.code(), up.all());
        var secret = ns.client().secrets().withName("login-secret").get();
        String old = decode(secret.getData().get("password"));
        String rotated = "rotated-" + old.substring(8);
        ns.client().resource(new SecretBuilder(secret).withData(Map.of("password", encode(rotated))).build()).update();

        var json = run(ns, "diff", file, "-o", "json");
        var text = run(ns, "diff", file, "-v");
        assertEquals(10, json.code(), json.all());
        var login = records(json).get("login");
        assertEquals(List.of("Secret", "ConfigMap"), login.stream().map(r -> r.path("object").path("kind").asString()).toList(), json.out());
        assertEquals(List.of("-  password: '*** (before)'", "+  password: '*** (after)'"), changedLines(login.get(0).path("diff").asString()));
        assertEquals(List.of("-  url: '*** (before)'", "+  url: '*** (after)'"), changedLines(login.get(1).path("diff").asString()));
        for (String value : List.of(old, rotated, encode(old), encode(rotated))) {
            assertFalse(json.all().contains(value) || text.all().contains(value), "a secret value was shown: " + text.all());
        }
    }

    @Test
    void aProductionProfilesUpShowsWhatWouldChangeBeforeItAsks(TestNamespace ns) throws Exception {
        var up = run(ns, "up", infraYaml(ns, "hi", "confirm: true\n"), "--yes");
        assertEquals(0, up.code(), up.all());
        Path changed = infraYaml(ns, "bye", "confirm: true\n");

        var answeredNo = upOnATerminal(ns, changed, "n\n");
        assertEquals(2, answeredNo.exitValue(), answeredNo.output());
        String output = answeredNo.output();
        int summary = output.indexOf("~ web       Deployment " + ns.name() + "/web changed");
        int question = output.indexOf("Install or update 4 components of profile 'ci'");
        assertTrue(summary >= 0 && question > summary, "the summary comes before the question: " + output);
        assertTrue(output.contains("0 to install, 1 to change (1 object), 3 unchanged"), output);
        assertTrue(output.contains("not confirmed; nothing was changed"), output);
        assertEquals("hi", ns.client().apps().deployments().withName("web").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue());
    }

    @Test
    void aReleaseLeftPendingByAKilledHelmIsToRepairNotAFailedDiff(TestNamespace ns) throws Exception {
        Path file = Files.writeString(dir.resolve("infra.yaml"), "profile: ci\ncomponents:\n"
                + component("greeter", "hooked", ns.name(), ""));
        var up = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "greeter");
        assertEquals(0, up.code(), up.all());
        Process killedMidway = new ProcessBuilder(PendingReleaseRepairTest.helmFailingMidway(dir, ns).toString(), "upgrade", "greeter",
                UpCommandTest.CHARTS.resolve("hooked").toString(), "--namespace", ns.name(), "--kubeconfig", ns.kubeconfig().toString())
                .redirectErrorStream(true).start();
        assertTrue(killedMidway.waitFor(2, TimeUnit.MINUTES) && killedMidway.exitValue() == 1);

        var diff = infra(ns.kubeconfig(), "diff", "-f", file.toString(), "--only", "greeter", "-o", "json");
        assertEquals(10, diff.code(), diff.all());
        JsonNode greeter = diff.events().get(0);
        assertEquals("repair", greeter.path("state").asString());
        assertEquals("release greeter was left pending-upgrade by an interrupted run; up repairs it, then installs",
                greeter.path("note").asString());
    }

    record Terminal(int exitValue, String output) {
    }

    /** {@code infra up} in a JVM of its own on a pseudo-terminal (script(1)), which answers the question with {@code input}. */
    private static Terminal upOnATerminal(TestNamespace ns, Path file, String input) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-cp", System.getProperty("java.class.path"), "dev.infra.cli.Main", "up", "--no-color",
                "-f", file.toString(), "--only", String.join(",", ALL), "--chart-source", UpstreamCharts.DIR.toString(),
                "--kubeconfig", ns.kubeconfig().toString());
        Process script = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        script.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        script.getOutputStream().flush();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(2, TimeUnit.MINUTES), output);
        return new Terminal(script.exitValue(), output);
    }

    /** The lines of a unified diff that add or remove, without its two headers. */
    private static List<String> changedLines(String diff) {
        return diff.lines().filter(l -> (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("---") && !l.startsWith("+++")).toList();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

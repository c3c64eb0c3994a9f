package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.cli.Main;
import dev.infra.testing.AlsoWithHelm3;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import dev.infra.testing.UnreachableCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** infra up, status and down against a real API server, with the real helm. */
@KubeTest
class UpCommandTest {
    static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();

    record Run(int code, String out, String err, Duration took) {
        String all() {
            return out + err;
        }

        List<JsonNode> events() {
            return out.lines().filter(l -> l.startsWith("{")).map(l -> JsonMapper.shared().readTree(l)).toList();
        }

        List<String> finished(String result) {
            return events().stream().filter(e -> e.path("event").asString().equals("finished")
                    && e.path("result").asString().equals(result)).map(e -> e.path("component").asString()).toList();
        }
    }

    static Run infra(Path kubeconfig, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", kubeconfig.toString()));
        var out = new StringWriter();
        var err = new StringWriter();
        Instant start = Instant.now();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString(), Duration.between(start, Instant.now()));
    }

    /** A user's infra.yaml that adds test components in the test's namespace. */
    static Path userFile(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("infra.yaml"), "profile: ci\ncomponents:\n" + yaml);
    }

    static String component(String name, String chart, String namespace, String extra) {
        return "  " + name + ":\n    source: {path: " + CHARTS.resolve(chart) + "}\n    namespace: " + namespace + "\n" + extra;
    }

    @Test
    @AlsoWithHelm3
    void upInstallsInDependencyOrderThenARerunChangesNothing(TestNamespace ns) {
        // --force: other tests may have installed some of these already
        var first = infra(ns.kubeconfig(), "up", "--force", "--profile", "ci", "--only", "app-frontend,static-assets", "-o", "json");
        assertEquals(0, first.code(), first.all());
        var installed = first.finished("installed");
        assertTrue(installed.containsAll(List.of("platform", "app-database", "app-backend", "app-frontend", "static-assets")), first.out());
        assertTrue(installed.indexOf("platform") < installed.indexOf("app-database"));
        assertTrue(installed.indexOf("app-database") < installed.indexOf("app-backend"));
        assertTrue(installed.indexOf("app-backend") < installed.indexOf("app-frontend"));

        var second = infra(ns.kubeconfig(), "up", "--profile", "ci", "--only", "app-frontend,static-assets", "-o", "json");
        assertEquals(0, second.code(), second.all());
        assertEquals(5, second.finished("unchanged").size(), second.out());
        System.out.printf("first up %.1fs, no-op rerun %.1fs%n", first.took().toMillis() / 1000.0, second.took().toMillis() / 1000.0);
        assertTrue(second.took().compareTo(Duration.ofSeconds(30)) < 0, "a no-op rerun is quick");

        var status = infra(ns.kubeconfig(), "status", "--profile", "ci", "-o", "json");
        var rows = JsonMapper.shared().readTree(status.out()).path("components");
        for (JsonNode row : rows) {
            if (installed.contains(row.path("component").asString())) {
                assertEquals(row.path("checks").asInt(), row.path("ready").asInt(), row.toString());
            }
        }
    }

    @Test
    void generatedSecretsAreCreatedOnceAndNeverPrinted(TestNamespace ns) {
        var first = infra(ns.kubeconfig(), "up", "-v", "--profile", "ci", "--only", "app-database");
        assertEquals(0, first.code(), first.all());
        var secret = ns.client().secrets().inNamespace("apps").withName("db-credentials").get();
        assertNotNull(secret);
        var again = infra(ns.kubeconfig(), "up", "-v", "--force", "--profile", "ci", "--only", "app-database");
        assertEquals(0, again.code(), again.all());
        assertEquals(secret.getData(), ns.client().secrets().inNamespace("apps").withName("db-credentials").get().getData(),
                "a rerun must not regenerate secrets");
        String password = new String(Base64.getDecoder().decode(secret.getData().get("POSTGRES_PASSWORD")), StandardCharsets.UTF_8);
        assertEquals(24, password.length());
        assertFalse(first.all().contains(password) || again.all().contains(password), "the password was printed");
    }

    @Test
    void upEndsWithHowToReachWhatItInstalledButNotInJson(TestNamespace ns) {
        var table = infra(ns.kubeconfig(), "up", "--profile", "ci", "--only", "app-frontend");
        assertEquals(0, table.code(), table.all());
        assertTrue(table.out().endsWith("""
                Next:
                  platform
                    infra secret get minio-app-secret --key app-secret-key   (login app)
                  app-database
                    infra port-forward app-database   postgres://127.0.0.1:5432
                    infra psql app-database
                    infra secret get db-credentials --key POSTGRES_PASSWORD   (login app)
                  app-backend
                    infra port-forward app-backend   http://127.0.0.1:3000
                  app-frontend
                    http://platform.test/api
                    http://platform.test/
                    infra port-forward app-frontend   http://127.0.0.1:4173
                """), table.out());
        var json = infra(ns.kubeconfig(), "up", "--profile", "ci", "--only", "app-database", "-o", "json");
        assertEquals(0, json.code(), json.all());
        assertFalse(json.out().contains("Next:"), json.out());
    }

    @Test
    void aComponentThatCannotBecomeReadyIsDiagnosedAndItsDependentsSkipped(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, component("stuck", "stuck", ns.name(), "    timeout: 5s\n")
                + component("after-stuck", "hello", ns.name(), "    needs: [stuck]\n")
                + component("unrelated", "hello", ns.name(), ""));
        var run = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "after-stuck,unrelated");
        assertEquals(4, run.code(), run.all());
        assertTrue(run.out().contains("✗ stuck"), run.out());
        assertTrue(run.out().contains("stuck not ready after 5s: Deployment stuck: 0 of 1 updated replicas available; pod stuck-"), run.out());
        assertTrue(run.out().contains("is unschedulable: "), run.out());
        assertTrue(run.out().contains("after-stuck") && run.out().contains("skipped: needs stuck, which failed"), run.out());
        assertTrue(run.out().contains("✓ unrelated"), "unrelated branches still finish: " + run.out());
    }

    @Test
    void wrongContextForTheProfileIsRefusedAndNothingIsInstalled(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("infra.yaml"), "components:\n" + component("guarded", "hello", ns.name(), ""));
        var run = infra(ns.kubeconfig(), "up", "--profile", "minikube", "-f", file.toString(), "--only", "guarded");
        assertEquals(2, run.code(), run.all());
        assertTrue(run.err().contains("profile 'minikube' is for contexts minikube"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertNull(ns.client().apps().deployments().withName("guarded").get());
        assertTrue(ns.client().secrets().withLabel("owner", "helm").list().getItems().isEmpty());
    }

    @Test
    void unreachableApiServerExitsThreeWithinSeconds(@TempDir Path dir) throws IOException {
        Path kubeconfig = UnreachableCluster.kubeconfig(dir);
        var run = infra(kubeconfig, "up", "--profile", "ci");
        assertEquals(3, run.code(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("cannot reach the API server https://127.0.0.1:1/"), run.err());
        assertTrue(run.took().compareTo(Duration.ofSeconds(10)) < 0, "took " + run.took());
    }

    @Test
    @AlsoWithHelm3
    void downRemovesWhatUpInstalledAndKeepsData(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, component("greeter", "hello", ns.name(), "    values: {greeting: hi}\n"));
        assertEquals(0, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "greeter").code());
        assertNotNull(ns.client().apps().deployments().withName("greeter").get());

        var refused = infra(ns.kubeconfig(), "down", "-f", file.toString(), "--only", "greeter");
        assertEquals(2, refused.code(), "down needs --yes without a terminal: " + refused.all());

        var down = infra(ns.kubeconfig(), "down", "--yes", "-f", file.toString(), "--only", "greeter");
        assertEquals(0, down.code(), down.all());
        assertTrue(ns.client().secrets().withLabel("owner", "helm").withLabel("name", "greeter").list().getItems().isEmpty());
        assertNull(ns.client().configMaps().withName("infra-state-greeter").get());
        assertNotNull(ns.client().namespaces().withName(ns.name()).get(), "namespaces stay");
    }

    @Test
    @AlsoWithHelm3
    void doctorChecksHelmTheClusterTheContextAndTheClasses(TestNamespace ns) {
        var ok = infra(ns.kubeconfig(), "doctor", "--profile", "ci", "-o", "json");
        assertEquals(0, ok.code(), ok.all());
        var checks = JsonMapper.shared().readTree(ok.out());
        assertEquals(List.of("helm", "cluster", "context", "storage class", "ingress class", "capacity"),
                checks.valueStream().map(c -> c.path("name").asString()).toList());
        int major = Testbin.helm().endsWith("helm3") ? 3 : 4;
        String helm = checks.get(0).path("detail").asString();
        assertTrue(helm.matches("helm " + major + " \\(v" + major + "\\.\\d+\\.\\d+\\)"), helm);

        var version = JsonMapper.shared().readTree(infra(ns.kubeconfig(), "version", "-o", "json").out());
        assertEquals(major, version.path("helmMajor").asInt(), version.toString());
        assertTrue(helm.endsWith("(" + version.path("helm").asString() + ")"), version + " " + helm);

        var wrongContext = infra(ns.kubeconfig(), "doctor", "--profile", "minikube");
        assertEquals(1, wrongContext.code(), wrongContext.all());
        assertTrue(wrongContext.out().contains("profile minikube is for minikube"), wrongContext.out());
    }
}

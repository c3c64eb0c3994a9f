package dev.infra.run;

import static dev.infra.run.UpCommandTest.CHARTS;
import static dev.infra.run.UpCommandTest.component;
import static dev.infra.run.UpCommandTest.infra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.kube.InstallState;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun reinstalls exactly the components whose inputs changed, and leaves the others "unchanged". */
@KubeTest
class RerunTest {
    private static final List<String> ALL = List.of("keeper", "uses-secret", "archived", "filed", "inline");

    @TempDir
    Path dir;

    private Path writeInfraYaml(TestNamespace ns, String greeting) throws IOException {
        String ns1 = ns.name();
        return Files.writeString(dir.resolve("infra.yaml"), "profile: ci\ncomponents:\n"
                + component("keeper", "hello", ns1, "    secrets:\n      - {name: rerun-secret, keys: [token], generate: true}\n")
                + component("uses-secret", "hello", ns1, "    needs: [keeper]\n    values: {greeting: \"${secret:rerun-secret/token}\"}\n")
                + "  archived:\n    source: {repo: https://charts.invalid, chart: hello, version: 0.1.0}\n    namespace: " + ns1 + "\n"
                + component("filed", "hello", ns1, "    valuesFiles: [filed.yaml]\n")
                + component("inline", "hello", ns1, "    values: {greeting: " + greeting + "}\n"));
    }

    /** helm package of the hello chart, greeting {@code greeting}, as chart-source/hello-0.1.0.tgz. */
    private void packageChart(String greeting) throws IOException, InterruptedException {
        Path chart = dir.resolve("build/hello");
        Files.createDirectories(chart.resolve("templates"));
        Files.copy(CHARTS.resolve("hello/Chart.yaml"), chart.resolve("Chart.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(chart.resolve("templates/deployment.yaml"), Files.readString(CHARTS.resolve("hello/templates/deployment.yaml"))
                .replace("default \"hello\"", "default \"" + greeting + "\""));
        var helm = new ProcessBuilder(Testbin.binary("helm").toString(), "package", chart.toString(),
                "--destination", Files.createDirectories(dir.resolve("charts")).toString()).inheritIO().start();
        assertTrue(helm.waitFor(1, TimeUnit.MINUTES) && helm.exitValue() == 0, "helm package failed");
    }

    private UpCommandTest.Run up(TestNamespace ns, Path file) {
        var run = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", String.join(",", ALL),
                "--chart-source", dir.resolve("charts").toString(), "-o", "json");
        assertEquals(0, run.code(), run.all());
        return run;
    }

    private void assertReinstalls(TestNamespace ns, Path file, String changed) {
        var run = up(ns, file);
        assertEquals(List.of(changed), run.finished("installed"), run.out());
        var unchanged = new TreeSet<>(ALL);
        unchanged.remove(changed);
        assertEquals(unchanged, new TreeSet<>(run.finished("unchanged")), run.out());
    }

    @Test
    void eachChangedInputReinstallsExactlyTheComponentsThatUseIt(TestNamespace ns) throws Exception {
        Files.writeString(dir.resolve("filed.yaml"), "greeting: from-file\n");
        packageChart("packaged");
        Path file = writeInfraYaml(ns, "inline");
        assertEquals(new TreeSet<>(ALL), new TreeSet<>(up(ns, file).finished("installed")));
        assertEquals(new TreeSet<>(ALL), new TreeSet<>(up(ns, file).finished("unchanged")), "nothing changed");

        var secret = ns.client().secrets().withName("rerun-secret").get();
        ns.client().resource(new SecretBuilder(secret).withData(java.util.Map.of("token",
                Base64.getEncoder().encodeToString("rotated-token-value".getBytes(StandardCharsets.UTF_8)))).build()).update();
        assertReinstalls(ns, file, "uses-secret");
        assertTrue(ns.client().apps().deployments().withName("uses-secret").get().toString().contains("rotated-token-value"));
        assertFalse(ns.client().configMaps().withName(InstallState.PREFIX + "uses-secret").get().toString().contains("rotated-token-value"),
                "the record keeps a hash, never the value");

        packageChart("repackaged");
        assertReinstalls(ns, file, "archived");

        Files.writeString(dir.resolve("filed.yaml"), "greeting: edited\n");
        assertReinstalls(ns, file, "filed");

        assertReinstalls(ns, writeInfraYaml(ns, "changed"), "inline");
    }
}

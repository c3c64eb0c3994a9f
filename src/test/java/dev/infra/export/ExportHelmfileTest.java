package dev.infra.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.cli.Main;
import dev.infra.plan.Step;
import dev.infra.testing.Testbin;
import dev.infra.testing.UpstreamCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export as helmfile itself reads it: {@code helmfile template} with the test cluster's helm,
 * on the ci profile's export (the sandbox's components and Keycloak's manifests) with the real
 * upstream charts (no cluster needed to render).
 * scripts/test.sh names the helmfile it built in INFRA_HELMFILE; without it, helmfile on PATH.
 */
class ExportHelmfileTest {
    private static final Path KEYCLOAK_STANDIN = Path.of("src/test/standins/keycloak-k8s-resources");

    @Test
    void helmfileRendersEveryReleaseOfTheExport(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export");
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "export", "helmfile", "--profile", "ci",
                "--chart-source", chartSource(dir.resolve("charts")).toString(), "--dir", export.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("22 releases written to "), out.toString());

        String rendered = helmfile(export, dir.resolve("helmfile.log"), "template", "--skip-deps");
        for (Step step : HelmfileTest.plan("ci").steps()) {
            assertTrue(rendered.contains("release=" + step.component().release() + ","), "not rendered: " + step.name());
        }
        // a manifests component (the Keycloak operator's, from URLs) and a real chart, rendered as objects
        assertTrue(rendered.contains("kind: \"KeycloakRealmImport\""), "no realm import");
        assertTrue(rendered.contains("name: prometheus-stack-kube-prom-operator"), "no prometheus operator");
    }

    /** The real charts, and the stand-in Keycloak operator manifests (upstream's were not readable; see ../shared). */
    private static Path chartSource(Path charts) throws IOException {
        Files.createDirectories(charts);
        try (var files = Files.list(UpstreamCharts.DIR)) {
            for (Path tgz : files.filter(f -> f.toString().endsWith(".tgz")).toList()) {
                Files.createSymbolicLink(charts.resolve(tgz.getFileName()), tgz);
            }
        }
        try (var files = Files.list(KEYCLOAK_STANDIN)) {
            for (Path yml : files.toList()) {
                Files.writeString(charts.resolve(yml.getFileName()), Files.readString(yml)
                        .replace("${READY_AFTER}", "1s").replace("${OPERATOR_DELAY_MS}", "2000"));
            }
        }
        return charts;
    }

    private static String helmfile(Path export, Path log, String... command) throws Exception {
        String binary = Optional.ofNullable(System.getenv("INFRA_HELMFILE")).filter(s -> !s.isBlank())
                .orElseGet(() -> Testbin.binary("helmfile").toString());
        var args = new ArrayList<>(List.of(binary,
                "--helm-binary", Testbin.helm().toString(), "--file", export.resolve("helmfile.yaml").toString()));
        args.addAll(List.of(command));
        Process helmfile = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = helmfile.waitFor(5, TimeUnit.MINUTES);
        if (!done) helmfile.destroyForcibly();
        String output = Files.readString(log);
        assertTrue(done && helmfile.exitValue() == 0, "helmfile " + String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}

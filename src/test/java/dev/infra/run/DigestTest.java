package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.infra.catalog.Component;
import dev.infra.catalog.Source;
import dev.infra.helm.ChartRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rerun compares: each input of a component changes its digest, nothing else does. */
class DigestTest {
    private static final Source REPO = new Source("https://charts.example.org", null, "web", "1.2.3", null, null, null, null);
    private static final Map<String, Object> VALUES = Map.of("auth", Map.of("password", "first-secret-value"));

    private static Component component(Source source, String release, String namespace) {
        return new Component("web", null, null, source, release, namespace, null, null, null, Map.of(), null, null, null,
                null, null, null, null, null, null);
    }

    private static final Component WEB = component(REPO, "web", "apps");

    private static ChartRef archive(Path file) {
        return new ChartRef(List.of(file.toString()), file.getFileName().toString(), file);
    }

    @Test
    void equalInputsGiveEqualDigests() {
        assertEquals(Digest.of(WEB, VALUES, null, null), Digest.of(WEB, Map.of("auth", Map.of("password", "first-secret-value")), null, null));
        assertEquals(64, Digest.of(WEB, VALUES, null, null).length());
    }

    @Test
    void aRotatedSecretValueChangesTheDigest() {
        assertNotEquals(Digest.of(WEB, VALUES, null, null),
                Digest.of(WEB, Map.of("auth", Map.of("password", "rotated-secret-value")), null, null));
    }

    @Test
    void aChartArchiveRebuiltWithTheSameVersionChangesTheDigest(@TempDir Path dir) throws IOException {
        Path tgz = Files.write(dir.resolve("web-1.2.3.tgz"), new byte[]{1, 2, 3});
        String before = Digest.of(WEB, VALUES, null, archive(tgz));
        assertEquals(before, Digest.of(WEB, VALUES, null, archive(tgz)));
        Files.write(tgz, new byte[]{1, 2, 4});
        assertNotEquals(before, Digest.of(WEB, VALUES, null, archive(tgz)));
    }

    @Test
    void aFileOfALocalChartChangesTheDigest(@TempDir Path dir) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("web"));
        Files.writeString(chart.resolve("Chart.yaml"), "name: web\n");
        Path template = Files.writeString(Files.createDirectories(chart.resolve("templates")).resolve("a.yaml"), "a: 1\n");
        var ref = new ChartRef(List.of(chart.toString()), "web", chart);
        String before = Digest.of(WEB, VALUES, null, ref);
        Files.writeString(template, "a: 2\n");
        assertNotEquals(before, Digest.of(WEB, VALUES, null, ref));
    }

    @Test
    void aFileRenamedInALocalChartChangesTheDigest(@TempDir Path dir) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("web"));
        Path file = Files.writeString(chart.resolve("a.yaml"), "a: 1\n");
        var ref = new ChartRef(List.of(chart.toString()), "web", chart);
        String before = Digest.of(WEB, VALUES, null, ref);
        Files.move(file, chart.resolve("b.yaml"));
        assertNotEquals(before, Digest.of(WEB, VALUES, null, ref));
    }

    @Test
    void aChartHelmDownloadsIsNamedByItsSourceAlone() {
        var downloaded = new ChartRef(List.of("web", "--repo", "https://charts.example.org"), "web@1.2.3", null);
        assertEquals(Digest.of(WEB, VALUES, null, null), Digest.of(WEB, VALUES, null, downloaded));
        var newer = component(new Source("https://charts.example.org", null, "web", "1.2.4", null, null, null, null), "web", "apps");
        assertNotEquals(Digest.of(WEB, VALUES, null, null), Digest.of(newer, VALUES, null, null));
    }

    @Test
    void manifestsReleaseAndNamespaceEachChangeTheDigest() {
        String base = Digest.of(WEB, VALUES, "kind: ConfigMap\n", null);
        assertNotEquals(base, Digest.of(WEB, VALUES, "kind: Secret\n", null));
        assertNotEquals(base, Digest.of(WEB, VALUES, null, null));
        assertNotEquals(base, Digest.of(component(REPO, "web2", "apps"), VALUES, "kind: ConfigMap\n", null));
        assertNotEquals(base, Digest.of(component(REPO, "web", "other"), VALUES, "kind: ConfigMap\n", null));
    }

    @Test
    void aMissingChartIsReportedByPath(@TempDir Path dir) {
        Path gone = dir.resolve("gone");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> Digest.of(WEB, VALUES, null, new ChartRef(List.of(), "gone", gone)));
        assertEquals("cannot read chart " + gone, e.getMessage());
    }
    @Test
    void theRenderKeyAlsoChangesWithWhatRendersTheComponentAndTheChartsRepository() {
        var chart = new ChartRef(List.of("web", "--repo", "https://charts.example.org", "--version", "1.2.3"), "web@1.2.3", null);
        String key = Digest.ofRender(WEB, VALUES, chart, "helm v4.3.2");
        assertEquals(key, Digest.ofRender(WEB, Map.of("auth", Map.of("password", "first-secret-value")), chart, "helm v4.3.2"));
        assertNotEquals(key, Digest.ofRender(WEB, VALUES, chart, "helm v4.3.3"));
        assertNotEquals(key, Digest.ofRender(WEB, Map.of(), chart, "helm v4.3.2"));
        assertNotEquals(key, Digest.ofRender(component(REPO, "web2", "apps"), VALUES, chart, "helm v4.3.2"));
        var mirror = new ChartRef(List.of("web", "--repo", "https://mirror.example.org", "--version", "1.2.3"), "web@1.2.3", null);
        assertNotEquals(key, Digest.ofRender(WEB, VALUES, mirror, "helm v4.3.2"));
        var api = new Component("api", null, null, REPO, "web", "apps", null, null, null, Map.of(), null, null, null,
                null, null, null, null, null, null);
        assertNotEquals(key, Digest.ofRender(api, VALUES, chart, "helm v4.3.2"), "its pods are counted for another component");
    }

    @Test
    void aChartFileNameAndItsContentAreNotRunTogether(@TempDir Path dir) throws IOException {
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.writeString(one.resolve("a.yaml"), "xyz");
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.writeString(two.resolve("a.yamlx"), "yz");
        assertNotEquals(Digest.of(WEB, VALUES, null, new ChartRef(List.of(), "c", one)),
                Digest.of(WEB, VALUES, null, new ChartRef(List.of(), "c", two)));
    }
}

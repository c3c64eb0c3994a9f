package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.infra.cache.JsonCache;
import dev.infra.catalog.Component;
import dev.infra.catalog.Source;
import dev.infra.errors.ConfigException;
import dev.infra.kube.InstallState.Revision;
import dev.infra.readiness.ReadinessCheck;
import dev.infra.readiness.RenderedChecks.Rendered;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/** Which checks up and status wait for: what the release rendered, plus the catalog's checks of what it did not. */
class ComponentChecksTest {
    private static final Source CHART = new Source("https://charts.example.org", null, "web", "1.2.3", null, null, null, null);
    private static final String MANIFEST = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: data}
            """;
    private static final ReadinessCheck OPERATED = new ReadinessCheck("StatefulSet", "web-0", null, null, null, "web-operator");

    private final List<String> asked = new ArrayList<>();
    private final ComponentChecks checks = new ComponentChecks((c, note) -> {
        asked.add(c.release() + "/" + c.namespace());
        note.accept("reading release " + c.release() + " retried");
        return Optional.of(List.of(new Rendered("Deployment", "web", null), new Rendered("Service", "web", null)));
    });

    @Test
    void chartIsCheckedByTheWorkloadsItRenderedThenByTheCatalogsChecksOfWhatItDidNot() {
        var notes = new ArrayList<String>();
        var web = ReadinessCheck.of("Deployment", "web", null);
        assertEquals(List.of(web, OPERATED), checks.of(component(List.of(web, OPERATED)), notes::add));
        assertEquals(List.of("web-release/apps"), asked);
        assertEquals(List.of("reading release web-release retried"), notes);
    }

    @Test
    void catalogCheckOfAnObjectNeitherRenderedNorCreatedByAnyoneFailsAsAConfigurationError() {
        var e = assertThrows(ConfigException.class, () -> checks.of(component(List.of(ReadinessCheck.of("Deployment", "api", null))), n -> { }));
        assertEquals("web: readiness: Deployment api is neither rendered nor declared createdBy (what makes it); "
                + "add createdBy to a check of an object an operator or controller makes", e.getMessage());
    }

    @Test
    void withoutKnownObjectsOnlyTheCatalogsChecksCount() {
        var unknown = new ComponentChecks((c, note) -> Optional.empty());
        var api = ReadinessCheck.of("Deployment", "api", null);
        assertEquals(List.of(api), unknown.of(component(List.of(api)), n -> { }));
    }

    @Test
    void helmsManifestIsReadAsKindsAndNamesWithTheirOwnNamespaces() {
        assertEquals(List.of(new Rendered("Service", "web", null), new Rendered("Deployment", "web", null),
                new Rendered("StatefulSet", "db", "data")), ComponentChecks.parse(MANIFEST));
    }

    private static Component component(List<ReadinessCheck> readiness) {
        return new Component("web", null, null, CHART, "web-release", "apps", null, null, null, null, null, null, null,
                readiness, null, null, null, null, null);
    }

    @Test
    void aReleaseRecordIsParsedOnceAndANewRevisionIsReadAgain(@TempDir Path cache) {
        var web = component(List.of());
        var cluster = new FakeCluster().withRelease(web, MANIFEST, new Revision(1, "deployed"));
        var checks = new ComponentChecks(cluster, new JsonCache<>(cache, new TypeReference<>() { }), Retry.standard());
        var first = checks.of(web, n -> { });
        assertEquals(List.of(ReadinessCheck.of("Deployment", "web", null), ReadinessCheck.of("StatefulSet", "db", "data")), first);
        assertEquals(first, new ComponentChecks(cluster, new JsonCache<>(cache, new TypeReference<>() { }), Retry.standard())
                .of(web, n -> { }), "another run");
        assertEquals(1, cluster.manifestsRead, "the record's objects are kept: it is read once");

        cluster.withRelease(web, MANIFEST.replace("name: db", "name: db2"), new Revision(2, "deployed"), new Revision(1, "superseded"));
        assertEquals(List.of(ReadinessCheck.of("Deployment", "web", null), ReadinessCheck.of("StatefulSet", "db2", "data")),
                checks.of(web, n -> { }));
        assertEquals(2, cluster.manifestsRead);
    }
}

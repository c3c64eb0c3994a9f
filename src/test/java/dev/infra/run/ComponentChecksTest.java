package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.Component;
import dev.infra.catalog.Source;
import dev.infra.readiness.ReadinessCheck;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which checks up and status wait for: the catalog's, else the workloads a chart rendered. */
class ComponentChecksTest {
    private static final Source CHART = new Source("https://charts.example.org", null, "web", "1.2.3", null, null, null, null);
    private static final Source MANIFESTS = new Source(null, null, null, null, null, "platform", null, null);
    private static final String RENDERED = """
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

    // parsing needs no server; nothing may be asked of this one
    private final KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
    private final List<String> asked = new ArrayList<>();
    private final ComponentChecks checks = new ComponentChecks(client, (c, note) -> {
        asked.add(c.release() + "/" + c.namespace());
        note.accept("helm get manifest " + c.release() + " retried");
        return RENDERED;
    });

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void chartWithoutCatalogChecksIsCheckedByTheWorkloadsItRendered() {
        var notes = new ArrayList<String>();
        assertEquals(List.of(ReadinessCheck.of("Deployment", "web", null), ReadinessCheck.of("StatefulSet", "db", "data")),
                checks.of(component(CHART, List.of()), notes::add));
        assertEquals(List.of("web-release/apps"), asked);
        assertEquals(List.of("helm get manifest web-release retried"), notes);
    }

    @Test
    void catalogChecksWinAndHelmIsNotAsked() {
        var catalog = List.of(ReadinessCheck.of("Job", "migrate", null));
        assertEquals(catalog, checks.of(component(CHART, catalog), note -> { }));
        assertEquals(List.of(), asked);
    }

    @Test
    void manifestsComponentHasOnlyItsCatalogChecks() {
        assertEquals(List.of(), checks.of(component(MANIFESTS, List.of()), note -> { }));
        assertEquals(List.of(), asked);
    }

    private static Component component(Source source, List<ReadinessCheck> readiness) {
        return new Component("web", null, null, source, "web-release", "apps", null, null, null, null, null, null, null,
                readiness, null, null, null, null, null);
    }
}

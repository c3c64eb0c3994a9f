package dev.infra.run;

import static dev.infra.run.StatusPartsTest.HEALTHY;
import static dev.infra.run.StatusPartsTest.application;
import static dev.infra.run.StatusPartsTest.ingress;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.Component;
import dev.infra.catalog.HealthRule;
import dev.infra.catalog.Source;
import dev.infra.kube.InstallState.Recorded;
import dev.infra.kube.InstallState.Revision;
import dev.infra.kube.ObjectRef;
import dev.infra.readiness.CheckStatus;
import dev.infra.readiness.ReadinessCheck;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code infra status} says of each component, from its records and what the cluster answers. */
class StatusReaderTest {
    static final Source CHART = new Source("https://charts.example.org", null, "grafana", "8.1.0", null, null, null, null);
    static final Source MANIFESTS = new Source(null, null, null, "v1", null, "manifests/site", null, null);
    static final ReadinessCheck DEPLOYMENT = ReadinessCheck.of("Deployment", "web", null);
    static final ReadinessCheck JOB = ReadinessCheck.of("Job", "migrate", null);
    static final HealthRule SYNCED = new HealthRule("Application", "argoproj.io/v1alpha1", "status.sync.status", "Synced");

    /** Answers what it was given, and remembers which components it was asked about. */
    static final class FakeProbe implements ComponentProbe {
        final Map<String, List<CheckStatus>> readiness = new LinkedHashMap<>();
        final List<GenericKubernetesResource> resources = new ArrayList<>();
        final List<Ingress> ingresses = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<CheckStatus> readiness(Component c) {
            asked.add(c.name());
            return readiness.getOrDefault(c.name(), List.of());
        }

        @Override
        public List<GenericKubernetesResource> resources(HealthRule rule, String namespace) {
            return resources.stream().filter(r -> r.getKind().equals(rule.kind())).toList();
        }

        @Override
        public List<Ingress> ingresses(String namespace) {
            return ingresses;
        }
    }

    final FakeCluster cluster = new FakeCluster();
    final FakeProbe probe = new FakeProbe();

    static Component component(String name, Source source, List<ReadinessCheck> readiness, HealthRule... health) {
        return new Component(name, null, null, source, null, "apps", null, null, null, null, null, null, null, readiness,
                List.of(health), null, null, null, null);
    }

    ComponentStatus status(Component c) {
        return new StatusReader(cluster, probe).read(List.of(c)).get(0);
    }

    @Test
    void aComponentWithoutReleaseOrRecordIsNotInstalledAndTheClusterIsNotAsked() {
        var chart = component("grafana", CHART, List.of(DEPLOYMENT, JOB));
        var site = component("site", MANIFESTS, List.of());
        cluster.withObjects(site, new ObjectRef("v1", "ConfigMap", "apps", "half-applied"));
        var statuses = new StatusReader(cluster, probe).read(List.of(chart, site));
        assertEquals(new ComponentStatus("grafana", "apps", "not-installed", "8.1.0", 0, 2, null, List.of(), List.of(), List.of(), 0),
                statuses.get(0));
        assertEquals("not-installed", statuses.get(1).state(), "an install that never finished is not installed");
        assertEquals(List.of(), probe.asked);
    }

    @Test
    void aChartShowsItsNewestRevisionsStatusAndTheURLsOfItsIngresses() {
        var chart = component("grafana", CHART, List.of());
        cluster.withRelease(chart, "", new Revision(3, "pending-upgrade"), new Revision(2, "deployed"));
        probe.ingresses.add(ingress("grafana", true, "grafana.test", "/"));
        probe.ingresses.add(ingress("loki", false, "loki.test", "/"));
        var status = status(chart);
        assertEquals("pending-upgrade", status.state());
        assertEquals(List.of("https://grafana.test/"), status.urls());
    }

    @Test
    void manifestsOnceRecordedAreAppliedSinceTheirInstallAndHaveNoURLs() {
        var site = component("site", MANIFESTS, List.of());
        Instant at = Instant.parse("2026-12-03T08:00:00Z");
        cluster.records.put("apps/site", new Recorded("d1", "ci", at));
        probe.ingresses.add(ingress("site", false, "site.test", "/"));
        var status = status(site);
        assertEquals("applied", status.state());
        assertEquals(at, status.installedAt());
        assertEquals(List.of(), status.urls());
        assertEquals("v1", status.version());
    }

    @Test
    void readyChecksAreCountedAndTheOthersSayWhatTheyWaitFor() {
        var chart = component("grafana", CHART, List.of(DEPLOYMENT, JOB));
        cluster.withRelease(chart, "", new Revision(1, "deployed"));
        probe.readiness.put("grafana", List.of(new CheckStatus(DEPLOYMENT, true, false, "ready"),
                new CheckStatus(JOB, false, false, "0 of 1 completed")));
        var status = status(chart);
        assertEquals(1, status.ready());
        assertEquals(2, status.checks());
        assertEquals(List.of("Job migrate: 0 of 1 completed"), status.waiting());
        assertEquals(false, status.healthy());
    }

    @Test
    void everyHealthRuleIsCountedAndItsUnhealthyResourcesAreWaiting() {
        var argo = component("argo", CHART, List.of(), HEALTHY, SYNCED);
        cluster.withRelease(argo, "", new Revision(1, "deployed"));
        probe.resources.add(application("web", Map.of("health", Map.of("status", "Healthy"), "sync", Map.of("status", "OutOfSync"))));
        probe.resources.add(application("api", Map.of("health", Map.of("status", "Degraded"), "sync", Map.of("status", "OutOfSync"))));
        var status = status(argo);
        assertEquals(List.of("Application 1/2 Healthy", "Application 0/2 Synced"), status.health());
        assertEquals(3, status.unhealthy());
        assertEquals(List.of("Application api: status.health.status is Degraded", "Application web: status.sync.status is OutOfSync",
                "Application api: status.sync.status is OutOfSync"), status.waiting());
    }
}

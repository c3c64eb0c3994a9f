package dev.infra.charts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.readiness.RenderedChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog's readiness checks, port-forwards and secrets against what each chart renders with
 * infra's values under every profile (helm template, no cluster): this project's charts and the
 * real upstream charts in ../shared/upstream-charts. A name that no chart renders, or that a
 * profile's values switch off, fails here rather than as a wait on a cluster.
 */
class CatalogAgainstChartsTest {
    private static final Map<String, KubeObjects> RENDERED = new ConcurrentHashMap<>();
    static HelmBinary helm;

    @BeforeAll
    static void findHelm() {
        helm = HelmBinary.onPath();
    }

    static Stream<CatalogChart> charts() {
        return Stream.concat(CatalogChart.underEveryProfile(), CatalogChart.upstreamUnderEveryProfile());
    }

    /** Each chart under each profile is rendered once for all the checks. */
    private static KubeObjects template(CatalogChart chart) {
        return RENDERED.computeIfAbsent(chart.toString(), key -> chart.template(helm));
    }

    @Test
    void everyUpstreamChartTheCatalogPinsIsCheckedUnderTheProfilesThatInstallIt() {
        var checked = CatalogChart.upstreamUnderEveryProfile().map(CatalogChart::toString).toList();
        for (String expected : List.of("ci/prometheus-stack", "minikube/prometheus-stack", "eks/prometheus-stack", "ci/loki",
                "ci/alloy", "ci/dashboard", "ci/cert-manager", "ci/pgo", "ci/pgadmin", "ci/minio", "ci/redis")) {
            assertTrue(checked.contains(expected), expected + " is not among " + checked);
        }
    }

    @Test
    void readinessChecksOnlyAddWhatTheReleaseDoesNotRender() {
        assertAll(charts().map(chart -> () -> {
            var checks = new RenderedChecks(template(chart).release(), chart.component().namespace());
            var problems = new ArrayList<>(checks.unknown(chart.component().readiness()));
            problems.addAll(checks.redundant(chart.component().readiness()));
            assertEquals(List.of(), problems, chart + " readiness");
        }));
    }

    @Test
    void portForwardsTargetServicesAndPortsTheChartRenders() {
        assertAll(charts().map(chart -> () -> {
            KubeObjects objects = template(chart);
            for (var forward : chart.component().portForwards()) {
                var service = objects.find("Service", forward.service());
                assertTrue(service.isPresent(), chart + ": port-forward " + forward.name() + " targets Service "
                        + forward.service() + ", which the chart does not render");
                var ports = service.get().path("spec").path("ports");
                assertTrue(ports.valueStream().anyMatch(p -> p.path("port").asInt() == forward.port()),
                        chart + ": Service " + forward.service() + " has no port " + forward.port());
            }
        }));
    }

    @Test
    void secretsTheComponentDeclaresAreReadByTheChartThroughDeclaredKeys() {
        assertAll(charts().map(chart -> () -> {
            KubeObjects objects = template(chart);
            var declared = chart.component().secrets();
            for (var secret : declared) {
                assertTrue(objects.items().stream().anyMatch(o -> o.toString().contains("\"" + secret.name() + "\"")),
                        chart + ": nothing the chart renders names the secret " + secret.name());
            }
            for (var ref : objects.items().stream().flatMap(o -> o.findValues("secretKeyRef").stream()).toList()) {
                String name = ref.path("name").asString();
                String key = ref.path("key").asString();
                declared.stream().filter(s -> s.name().equals(name)).forEach(s -> assertTrue(s.keys().contains(key),
                        chart + " reads key " + key + " of " + name + ", which declares only " + s.keys()));
            }
        }));
    }
}

package dev.infra.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Platform;
import dev.infra.catalog.YamlDocument;
import dev.infra.errors.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlannerTest {
    static final String PROFILES = "profiles:\n  minikube: {}\n";

    static Platform platform(String catalog) {
        return new Catalog(YamlDocument.parse("catalog.yaml", catalog), YamlDocument.parse("profiles.yaml", PROFILES))
                .resolve("minikube", Optional.empty());
    }

    static Platform bundled(String profile) {
        return Catalog.bundled().resolve(profile, Optional.empty());
    }

    static InstallPlan plan(Platform platform, Set<String> only, Set<String> skip) {
        return new Planner().plan(new PlanRequest(platform, only, skip));
    }

    static Map<String, Integer> waves(InstallPlan plan) {
        return plan.steps().stream().collect(Collectors.toMap(Step::name, Step::wave));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "kind", "k3s", "ci"})
    void everyComponentComesAfterEverythingItNeeds(String profile) {
        var plan = plan(bundled(profile), Set.of(), Set.of());
        var waves = waves(plan);
        for (Step step : plan.steps()) {
            for (String need : step.needs()) {
                assertTrue(waves.get(need) < step.wave(), step.name() + " must come after " + need);
            }
        }
        assertEquals(bundled(profile).enabled().size(), plan.steps().size());
    }

    @Test
    void crdUsersComeAfterTheirProviders() {
        var waves = waves(plan(bundled("minikube"), Set.of(), Set.of()));
        for (String monitored : List.of("minio", "loki", "redis", "cert-manager")) {
            assertTrue(waves.get("prometheus-stack") < waves.get(monitored), monitored + " uses ServiceMonitor");
        }
        assertTrue(waves.get("cert-manager") < waves.get("cert-issuers"));
        assertTrue(waves.get("pgo") < waves.get("keycloak-db"));
        assertTrue(waves.get("keycloak-operator-crds") < waves.get("keycloak-operator"));
        assertTrue(waves.get("keycloak-operator") < waves.get("keycloak"));
        assertTrue(waves.get("keycloak") < waves.get("keycloak-realm"));
        assertTrue(waves.get("app-database") < waves.get("app-backend"));
        assertTrue(waves.get("app-backend") < waves.get("app-frontend"));
    }

    @Test
    void implicitNeedsAreReportedSeparately() {
        var minio = plan(bundled("minikube"), Set.of(), Set.of()).steps().stream()
                .filter(s -> s.name().equals("minio")).findFirst().orElseThrow();
        assertEquals(List.of("prometheus-stack"), minio.implicitNeeds());
        assertTrue(minio.needs().containsAll(List.of("platform", "prometheus-stack")));
    }

    @Test
    void cycleIsAnErrorThatNamesThePath() {
        var platform = platform("""
                components:
                  - {name: a, namespace: x, source: {manifests: m}, needs: [c]}
                  - {name: b, namespace: x, source: {manifests: m}, needs: [a]}
                  - {name: c, namespace: x, source: {manifests: m}, needs: [b]}
                """);
        var error = assertThrows(ConfigException.class, () -> plan(platform, Set.of(), Set.of()));
        assertEquals("dependency cycle: a -> c -> b -> a", error.getMessage());
    }

    @Test
    void onlyPullsInEverythingItNeedsTransitively() {
        var plan = plan(bundled("minikube"), Set.of("keycloak-realm"), Set.of());
        assertEquals(Set.of("keycloak-realm", "keycloak", "keycloak-operator", "keycloak-operator-crds",
                "keycloak-db", "pgo", "platform"), waves(plan).keySet());
    }

    @Test
    void skippingANeededComponentWarns() {
        var plan = plan(bundled("minikube"), Set.of("minio"), Set.of("prometheus-stack"));
        assertEquals(Set.of("minio", "platform"), waves(plan).keySet());
        assertEquals(List.of("'minio' needs 'prometheus-stack', which --skip leaves out: it must be installed already"),
                plan.warnings());
    }

    @Test
    void unknownComponentInOnlySuggests() {
        var error = assertThrows(ConfigException.class, () -> plan(bundled("minikube"), Set.of("mnio"), Set.of()));
        assertEquals("--only: unknown component 'mnio'; did you mean 'minio'?", error.getMessage());
    }

    @Test
    void needOnADisabledComponentIsAnError() {
        var platform = platform("""
                components:
                  - {name: a, namespace: x, source: {manifests: m}, enabled: false}
                  - {name: b, namespace: x, source: {manifests: m}, needs: [a]}
                """);
        var error = assertThrows(ConfigException.class, () -> plan(platform, Set.of(), Set.of()));
        assertTrue(error.getMessage().startsWith("component 'b' needs 'a', which profile 'minikube' does not enable"));
    }

    @Test
    void usingACrdWhoseProviderIsDisabledIsAnError() {
        var platform = platform("""
                components:
                  - {name: crds, namespace: x, source: {manifests: m}, enabled: false, provides: [example.org/Widget]}
                  - {name: app, namespace: x, source: {manifests: m}, uses: [example.org/Widget]}
                """);
        var error = assertThrows(ConfigException.class, () -> plan(platform, Set.of(), Set.of()));
        assertEquals("component 'app' uses example.org/Widget, but its provider 'crds' is not enabled in profile 'minikube'",
                error.getMessage());
    }

    @Test
    void wavesGroupIndependentComponentsAndTheCriticalPathFollowsTheSlowestChain() {
        var plan = plan(platform("""
                components:
                  - {name: base, namespace: x, source: {manifests: m}, readyIn: 10s}
                  - {name: slow, namespace: x, source: {manifests: m}, needs: [base], readyIn: 300s}
                  - {name: fast, namespace: x, source: {manifests: m}, needs: [base], readyIn: 5s}
                  - {name: top, namespace: x, source: {manifests: m}, needs: [fast], readyIn: 5s}
                """), Set.of(), Set.of());
        assertEquals(Map.of("base", 1, "slow", 2, "fast", 2, "top", 3), waves(plan));
        assertEquals(List.of("base", "slow"), plan.criticalPath());
        assertEquals(310, plan.criticalPathTime().toSeconds());
        assertEquals(3, plan.waves());
    }
}

package dev.infra.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.errors.ConfigException;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.PlanRequest;
import dev.infra.plan.Planner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArgoCdApplicationsTest {
    static final String REPO = "https://git.example.com/platform.git";

    static InstallPlan plan(String profile) {
        return new Planner().plan(PlanRequest.all(Catalog.bundled().resolve(profile, Optional.empty())));
    }

    static List<Map<String, Object>> export(InstallPlan plan) {
        return new ArgoCdApplications().export(new ArgoCdApplications.Request(plan, REPO, "argocd"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> map, String... path) {
        Map<String, Object> m = map;
        for (String key : path) m = (Map<String, Object>) m.get(key);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "aks-prod", "eks"})
    void oneApplicationPerStepWithTheStepsWaveAsSyncWave(String profile) {
        var plan = plan(profile);
        var apps = export(plan);
        assertEquals(plan.steps().size(), apps.size());
        for (int i = 0; i < apps.size(); i++) {
            var step = plan.steps().get(i);
            assertEquals(step.name(), at(apps.get(i), "metadata").get("name"));
            assertEquals(String.valueOf(step.wave()), at(apps.get(i), "metadata", "annotations").get(ArgoCdApplications.WAVE));
            assertEquals(step.component().namespace(), at(apps.get(i), "spec", "destination").get("namespace"));
        }
    }

    @Test
    void helmChartsKeepRepoVersionAndValuesAndLocalFilesComeFromTheRepo() {
        var apps = export(plan("aks-prod"));
        var argo = apps.stream().filter(a -> "argo-cd".equals(at(a, "metadata").get("name"))).findFirst().orElseThrow();
        var source = at(argo, "spec", "source");
        assertEquals("https://argoproj.github.io/argo-helm", source.get("repoURL"));
        assertEquals("argo-cd", source.get("chart"));
        assertEquals("10.1.1", source.get("targetRevision"));
        assertEquals("argocd", at(source, "helm").get("releaseName"));
        assertEquals("argocd.example.com", at(source, "helm", "valuesObject", "global").get("domain"));

        var logging = apps.stream().filter(a -> "logging".equals(at(a, "metadata").get("name"))).findFirst().orElseThrow();
        assertEquals(REPO, at(logging, "spec", "source").get("repoURL"));
        assertEquals("manifests/logging", at(logging, "spec", "source").get("path"));
    }

    @Test
    void secretReferencesAreLeftOutAndNamed() {
        var apps = export(plan("aks-prod"));
        var argo = apps.stream().filter(a -> "argo-cd".equals(at(a, "metadata").get("name"))).findFirst().orElseThrow();
        assertFalse(argo.toString().contains("${secret:"), argo.toString());
        assertTrue(at(argo, "metadata", "annotations").get(ArgoCdApplications.SECRET_VALUES).toString()
                .contains("configs.secret.extra.oidc.dex.clientSecret <- secret argocd-oidc/client-secret"));
    }

    @Test
    void localFilesWithoutARepoAreAConfigurationError() {
        var plan = plan("eks");
        var e = assertThrows(ConfigException.class,
                () -> new ArgoCdApplications().export(new ArgoCdApplications.Request(plan, null, "argocd")));
        assertTrue(e.getMessage().contains("--repo"), e.getMessage());
    }
    static Map<String, Object> app(List<Map<String, Object>> apps, String name) {
        return apps.stream().filter(a -> name.equals(at(a, "metadata").get("name"))).findFirst().orElseThrow();
    }

    @Test
    void secretsNamedInValuesOrGeneratedByInfraAreAnnotatedAsRequired() {
        var apps = export(plan("minikube"));
        assertEquals("infra/minio-admin-secret, infra/minio-app-secret, infra/minio-root",
                at(app(apps, "minio"), "metadata", "annotations").get(ArgoCdApplications.REQUIRED_SECRETS));
        assertEquals("apps/db-credentials", at(app(apps, "app-backend"), "metadata", "annotations").get(ArgoCdApplications.REQUIRED_SECRETS),
                "credentialsSecret names it");
        assertEquals("apps/db-credentials, infra/db-credentials",
                at(app(apps, "app-database"), "metadata", "annotations").get(ArgoCdApplications.REQUIRED_SECRETS),
                "infra up generates it and pgAdmin's copy; Argo CD does not");
    }

    @Test
    void theRequiredSecretsAreListedWithTheApplicationsThatNeedThem() {
        var required = new ArgoCdApplications().requiredSecrets(plan("minikube"));
        assertEquals(List.of("app-database", "app-backend"), required.get("apps/db-credentials"));
        assertEquals(List.of("prometheus-stack"), required.get("monitoring/grafana-admin"));
        assertEquals(List.of("platform", "minio"), required.get("infra/minio-app-secret"), "a generated secret's copies too");
    }

    @Test
    void aSecretAComponentOfThePlanMakesIsNotRequired() {
        // eks: External Secrets writes db-credentials (declared by app-database, not generated)
        var apps = export(plan("eks"));
        assertFalse(at(app(apps, "app-database"), "metadata", "annotations").containsKey(ArgoCdApplications.REQUIRED_SECRETS));
        assertFalse(new ArgoCdApplications().requiredSecrets(plan("eks")).containsKey("apps/db-credentials"));
    }
    @Test
    void aGeneratedSecretWithoutANamespaceIsInItsComponents() {
        var user = dev.infra.catalog.YamlDocument.parse("infra.yaml", """
                components:
                  extra:
                    source: {repo: https://charts.example.org, chart: extra, version: 1.0.0}
                    namespace: x
                    secrets:
                      - {name: here, keys: [k], generate: true}
                      - {name: there, namespace: y, keys: [k], generate: true}
                """);
        var plan = new Planner().plan(PlanRequest.all(Catalog.bundled().resolve("minikube", Optional.of(user))));
        var extra = app(new ArgoCdApplications().export(new ArgoCdApplications.Request(plan, REPO, "argocd")), "extra");
        assertEquals("x/here, y/there", at(extra, "metadata", "annotations").get(ArgoCdApplications.REQUIRED_SECRETS));
    }
}

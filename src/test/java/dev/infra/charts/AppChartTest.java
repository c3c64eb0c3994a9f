package dev.infra.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The three tiers of seed 001 (charts/app installed as app-database, app-backend, app-frontend). */
class AppChartTest {
    static HelmBinary helm;

    @BeforeAll
    static void findHelm() {
        helm = HelmBinary.onPath();
    }

    static JsonNode container(KubeObjects objects, String kind, String name) {
        return objects.get(kind, name).path("spec").path("template").path("spec").path("containers").get(0);
    }

    static Map<String, JsonNode> env(JsonNode container) {
        var env = new HashMap<String, JsonNode>();
        container.path("env").forEach(e -> env.put(e.path("name").asString(), e));
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "kind", "k3s", "ci"})
    void databaseClaimUsesTheProfilesStorageClass(String profile) {
        var chart = CatalogChart.of(profile, "app-database");
        var claim = chart.template(helm).get("StatefulSet", "app-database")
                .path("spec").path("volumeClaimTemplates").get(0);
        assertEquals(chart.setting("storageClass"), claim.path("spec").path("storageClassName").asString());
    }

    @Test
    void databaseInitialisesPostsAndCommentsFromTheSchemaConfigMap() {
        var objects = CatalogChart.of("minikube", "app-database").template(helm);
        String schema = objects.get("ConfigMap", "app-database-schema").path("data").path("schema.sql").asString();
        assertTrue(schema.contains("CREATE TABLE IF NOT EXISTS posts"), schema);
        assertTrue(schema.contains("CREATE TABLE IF NOT EXISTS comments"), schema);
        var mounts = container(objects, "StatefulSet", "app-database").path("volumeMounts").toString();
        assertTrue(mounts.contains("/docker-entrypoint-initdb.d"), mounts);
    }

    @Test
    void databaseAndBackendTakeTheirLoginFromDbCredentials() {
        var database = env(container(CatalogChart.of("minikube", "app-database").template(helm), "StatefulSet", "app-database"));
        var backend = env(container(CatalogChart.of("minikube", "app-backend").template(helm), "Deployment", "app-backend"));
        for (var env : List.of(database, backend)) {
            for (String key : List.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD")) {
                JsonNode ref = env.get(key).path("valueFrom").path("secretKeyRef");
                assertEquals("db-credentials", ref.path("name").asString(), key);
                assertEquals(key, ref.path("key").asString());
            }
        }
        assertEquals("app-database", backend.get("POSTGRES_HOST").path("value").asString());
        assertTrue(backend.get("DATABASE_URL").path("value").asString().startsWith("postgres://$(POSTGRES_USER):"));
    }

    @Test
    void backendListensOn3000WithAnHttpReadinessProbe() {
        var container = container(CatalogChart.of("minikube", "app-backend").template(helm), "Deployment", "app-backend");
        assertEquals(3000, container.path("ports").get(0).path("containerPort").asInt());
        assertEquals("http", container.path("readinessProbe").path("httpGet").path("port").asString());
    }

    @Test
    void frontendServesTheBuiltAppOn4173BehindServicePort80() {
        var objects = CatalogChart.of("minikube", "app-frontend").template(helm);
        assertEquals(4173, container(objects, "Deployment", "app-frontend").path("ports").get(0).path("containerPort").asInt());
        assertEquals(80, objects.get("Service", "app-frontend").path("spec").path("ports").get(0).path("port").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "k3s"})
    void frontendIngressRoutesRootToTheFrontendAndApiToTheBackend(String profile) {
        var chart = CatalogChart.of(profile, "app-frontend");
        var spec = chart.template(helm).get("Ingress", "app-frontend").path("spec");
        assertEquals(chart.setting("ingressClass"), spec.path("ingressClassName").asString());
        var rule = spec.path("rules").get(0);
        assertEquals(chart.setting("domain"), rule.path("host").asString());
        var backends = new HashMap<String, String>();
        rule.path("http").path("paths").forEach(p ->
                backends.put(p.path("path").asString(), p.path("backend").path("service").path("name").asString()));
        assertEquals(Map.of("/", "app-frontend", "/api", "app-backend"), backends);
    }

    @Test
    void autoscalerIsOffByDefault() {
        var objects = CatalogChart.of("minikube", "app-backend").template(helm);
        assertTrue(objects.ofKind("HorizontalPodAutoscaler").isEmpty());
        assertEquals(2, objects.get("Deployment", "app-backend").path("spec").path("replicas").asInt());
    }

    @Test
    void enabledAutoscalerScalesTheBackendOnCpuUpToTenPodsAndOwnsTheReplicaCount() {
        var objects = CatalogChart.of("minikube", "app-backend").template(helm, "--set", "backend.autoscaling.enabled=true");
        var hpa = objects.get("HorizontalPodAutoscaler", "app-backend").path("spec");
        assertEquals("app-backend", hpa.path("scaleTargetRef").path("name").asString());
        assertEquals(10, hpa.path("maxReplicas").asInt());
        assertEquals("cpu", hpa.path("metrics").get(0).path("resource").path("name").asString());
        assertFalse(objects.get("Deployment", "app-backend").path("spec").has("replicas"),
                "a fixed replica count would fight the autoscaler on every upgrade");
    }

    @Test
    void imagesAreConfigurable() {
        var objects = CatalogChart.of("minikube", "app-backend").template(helm,
                "--set", "backend.image.repository=infra-mastery-backend", "--set", "backend.image.tag=latest",
                "--set", "backend.image.pullPolicy=Never", "--set", "backend.args=null");
        var container = container(objects, "Deployment", "app-backend");
        assertEquals("infra-mastery-backend:latest", container.path("image").asString());
        assertEquals("Never", container.path("imagePullPolicy").asString());
        assertFalse(container.has("args"), container.toString());
    }
}

package dev.infra.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** What `infra maintenance` and the site rely on in charts/static-assets, under the catalog's values. */
class StaticAssetsChartTest {
    static HelmBinary helm;

    @BeforeAll
    static void findHelm() {
        helm = HelmBinary.onPath();
    }

    static JsonNode maintenanceIngress(KubeObjects objects) {
        return objects.get("Ingress", "static-assets-maintenance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "kind", "k3s", "ci"})
    void maintenanceIngressRendersTheDisabledClassByDefault(String profile) {
        var chart = CatalogChart.of(profile, "static-assets");
        var ingress = maintenanceIngress(chart.template(helm));
        assertEquals(chart.setting("disabledIngressClass"), ingress.path("spec").path("ingressClassName").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "kind", "k3s", "ci"})
    void maintenanceEnabledGivesTheIngressTheProfilesLiveClass(String profile) {
        var chart = CatalogChart.of(profile, "static-assets");
        var ingress = maintenanceIngress(chart.template(helm, "--set", "maintenance.enabled=true"));
        assertEquals(chart.setting("ingressClass"), ingress.path("spec").path("ingressClassName").asString());
    }

    @Test
    void maintenanceIngressCarriesTheSwitchLabelAndBothClassesForTheMaintenanceCommand() {
        var chart = CatalogChart.of("minikube", "static-assets");
        var metadata = maintenanceIngress(chart.template(helm)).path("metadata");
        assertEquals("maintenance", metadata.path("labels").path("infra.dev/switch").asString());
        assertEquals("nginx", metadata.path("annotations").path("infra.dev/maintenance-on-class").asString());
        assertEquals("disabled", metadata.path("annotations").path("infra.dev/maintenance-off-class").asString());
    }

    @Test
    void maintenanceIngressSendsThePlatformsPathsToTheMaintenanceService() {
        var objects = CatalogChart.of("minikube", "static-assets").template(helm);
        var rule = maintenanceIngress(objects).path("spec").path("rules").get(0);
        assertEquals("w3nest.minikube", rule.path("host").asString());
        var paths = rule.path("http").path("paths");
        assertTrue(paths.size() >= 1);
        for (JsonNode path : paths) {
            assertEquals("static-assets-maintenance", path.path("backend").path("service").path("name").asString());
        }
        assertTrue(objects.find("Service", "static-assets-maintenance").isPresent());
    }

    @Test
    void maintenanceMessageFromValuesLandsInTheConfigMapTheMaintenanceCommandPatches() {
        var objects = CatalogChart.of("minikube", "static-assets")
                .template(helm, "--set-string", "maintenance.message=Back at 18:00");
        var configMap = objects.get("ConfigMap", "static-assets-maintenance");
        assertEquals("Back at 18:00", configMap.path("data").path("message").asString());
        String page = objects.get("ConfigMap", "static-assets-pages").path("data").path("maintenance.html").asString();
        assertTrue(page.contains("<!--# include virtual=\"/_maintenance/message\" -->"), page);
    }

    @Test
    void staticAndDefaultRouteIngressesServeTheProfilesDomain() {
        var objects = CatalogChart.of("k3s", "static-assets").template(helm);
        var rule = objects.get("Ingress", "static-assets-static-assets").path("spec").path("rules").get(0);
        assertEquals("platform.localhost", rule.path("host").asString());
        assertEquals("/static/", rule.path("http").path("paths").get(0).path("path").asString());
        var defaultRoute = objects.get("Ingress", "static-assets-default-route").path("spec");
        assertEquals("static-assets-default-route",
                defaultRoute.path("defaultBackend").path("service").path("name").asString());
    }

    @Test
    void nginxServesForbiddenAndNotFoundPagesAndMaintenanceAs503() {
        String conf = CatalogChart.of("minikube", "static-assets").template(helm)
                .get("ConfigMap", "static-assets-nginx").path("data").path("default.conf").asString();
        assertTrue(conf.contains("error_page 403 /_errors/403.html;"), conf);
        assertTrue(conf.contains("error_page 404 /_errors/404.html;"), conf);
        assertTrue(conf.contains("error_page 503 /_maintenance.html;"), conf);
        assertTrue(conf.contains("return 503;"), conf);
    }

    @Test
    void assetsZipFromSetFileReachesTheUnpackingInitContainerByteForByte(@TempDir Path dir) throws IOException {
        byte[] zip = zip("assets/index.html", "<h1>hello</h1>");
        // `base64` wraps lines at 76 characters, as the seed's includes/assets.zip.b64 is
        Path encoded = Files.writeString(dir.resolve("assets.zip.b64"),
                Base64.getMimeEncoder().encodeToString(zip) + "\n");
        var objects = CatalogChart.of("minikube", "static-assets")
                .template(helm, "--set-file", "assets.zipBase64=" + encoded);

        String stored = objects.get("ConfigMap", "static-assets-assets-zip").path("binaryData").path("assets.zip").asString();
        assertArrayEquals(zip, Base64.getDecoder().decode(stored));
        var pod = objects.get("Deployment", "static-assets").path("spec").path("template").path("spec");
        var init = pod.path("initContainers").get(0);
        assertTrue(init.path("command").toString().contains("unzip"), init.toString());
        assertTrue(pod.path("volumes").toString().contains("static-assets-assets-zip"));
    }

    @Test
    void withoutAZipNoAssetsConfigMapIsRenderedAndThePodStillStarts() {
        var objects = CatalogChart.of("minikube", "static-assets").template(helm);
        assertFalse(objects.find("ConfigMap", "static-assets-assets-zip").isPresent());
        var volumes = objects.get("Deployment", "static-assets").path("spec").path("template").path("spec").path("volumes");
        for (JsonNode volume : volumes) {
            if (volume.path("configMap").path("name").asString().equals("static-assets-assets-zip")) {
                assertTrue(volume.path("configMap").path("optional").asBoolean(), volume.toString());
            }
        }
    }

    @Test
    void nginxHasReadinessAndLivenessProbesAndResourceLimits() {
        var container = CatalogChart.of("minikube", "static-assets").template(helm)
                .get("Deployment", "static-assets").path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals("/healthz", container.path("readinessProbe").path("httpGet").path("path").asString());
        assertEquals("/healthz", container.path("livenessProbe").path("httpGet").path("path").asString());
        assertFalse(container.path("resources").path("limits").path("memory").isMissingNode());
    }

    private static byte[] zip(String name, String content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}

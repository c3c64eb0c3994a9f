package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulated Keycloak operator. Keycloak's 26.7.1 manifests are not in
 * ../shared/upstream-charts, so the CRDs come from the stand-in (src/test/standins).
 */
@KubeTest
class SimulatedKeycloakOperatorTest {
    private static final Path CRDS = Path.of("src/test/standins/keycloak-k8s-resources");

    @Test
    @NeedsSimulation("the simulated Keycloak operator")
    void aKeycloakGetsItsStatefulSetServicesInitialAdminSecretAndReadyAndARealmImportIsDone(TestNamespace ns) throws IOException {
        for (String crd : List.of("keycloaks.k8s.keycloak.org-v1.yml", "keycloakrealmimports.k8s.keycloak.org-v1.yml")) {
            ns.client().load(Files.newInputStream(CRDS.resolve(crd))).forceConflicts().serverSideApply();
        }
        // until a CRD is established, its kind is unknown to the client
        for (String crd : List.of("keycloaks.k8s.keycloak.org", "keycloakrealmimports.k8s.keycloak.org")) {
            ns.client().apiextensions().v1().customResourceDefinitions().withName(crd).waitUntilCondition(c -> c != null
                    && c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                    .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 30, TimeUnit.SECONDS);
        }
        apply(ns, """
                apiVersion: k8s.keycloak.org/v2beta1
                kind: Keycloak
                metadata: {name: sso}
                spec: {instances: 1, http: {httpEnabled: true}}
                """);
        apply(ns, """
                apiVersion: k8s.keycloak.org/v2beta1
                kind: KeycloakRealmImport
                metadata: {name: youwol}
                spec: {keycloakCRName: sso, realm: {realm: youwol}}
                """);
        awaitCondition(ns, "Keycloak", "sso", "Ready");
        awaitCondition(ns, "KeycloakRealmImport", "youwol", "Done");
        ns.client().apps().statefulSets().withName("sso")
                .waitUntilCondition(s -> s != null && Readiness.getInstance().isReady(s), 60, TimeUnit.SECONDS);
        assertEquals(List.of("http:8080", "management:9000"), ns.client().services().withName("sso-service").get()
                .getSpec().getPorts().stream().map(p -> p.getName() + ":" + p.getPort()).toList());
        assertEquals("None", ns.client().services().withName("sso-discovery").get().getSpec().getClusterIP());
        var admin = ns.client().secrets().withName("sso-initial-admin").get();
        assertEquals("temp-admin", new String(Base64.getDecoder().decode(admin.getData().get("username")), StandardCharsets.UTF_8));
        assertEquals(32, Base64.getDecoder().decode(admin.getData().get("password")).length);
    }

    private static void apply(TestNamespace ns, String yaml) {
        ns.client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).serverSideApply();
    }

    private static void awaitCondition(TestNamespace ns, String kind, String name, String type) {
        ns.client().genericKubernetesResources("k8s.keycloak.org/v2beta1", kind).withName(name).waitUntilCondition(
                r -> r != null && r.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                        && status.get("conditions") instanceof List<?> conditions && conditions.stream().map(c -> (Map<?, ?>) c)
                                .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status"))),
                60, TimeUnit.SECONDS);
    }
}

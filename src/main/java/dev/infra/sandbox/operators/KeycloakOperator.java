package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Keycloak operator (v2beta1 API, as 26.6+ serve it), read in keycloak/keycloak
 * operator/src/main/java/org/keycloak/operator (Constants, controllers/):
 * <ul>
 *   <li>Keycloak {@code NAME} -> StatefulSet {@code NAME} (spec.instances replicas, labels
 *       {@code app: keycloak}, {@code app.kubernetes.io/managed-by: keycloak-operator},
 *       {@code app.kubernetes.io/instance: NAME}); Service {@code NAME-service} with http 8080
 *       (without TLS or with http enabled), https 8443 (with spec.http.tlsSecret) and management
 *       9000 (KeycloakServiceDependentResource); headless {@code NAME-discovery}, tcp 7800;
 *       Secret {@code NAME-initial-admin}, kubernetes.io/basic-auth, username temp-admin and a
 *       random password, unless spec.bootstrapAdmin names another Secret
 *       (KeycloakAdminSecretDependentResource); conditions Ready True, HasErrors and
 *       RollingUpdate False (KeycloakStatusAggregator).</li>
 *   <li>KeycloakRealmImport -> conditions Done True, Started and HasErrors False
 *       (KeycloakRealmImportStatusBuilder); the import Job the real operator runs is not
 *       simulated.</li>
 * </ul>
 */
final class KeycloakOperator implements SimulatedOperator {
    private static final String API_VERSION = "k8s.keycloak.org/v2beta1";

    @Override
    public String name() {
        return "keycloak-operator";
    }

    @Override
    public String creates() {
        return "Keycloak NAME -> StatefulSet NAME, Services NAME-service and NAME-discovery, Secret NAME-initial-admin, Ready; "
                + "KeycloakRealmImport -> Done";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(API_VERSION, "Keycloak"), new Kind(API_VERSION, "KeycloakRealmImport"));
    }

    @Override
    public void reconcile(GenericKubernetesResource resource, OwnedObjects objects) {
        if ("KeycloakRealmImport".equals(resource.getKind())) {
            objects.status(resource, Map.of(), List.of(new OwnedObjects.Condition("Done", true, "", ""),
                    new OwnedObjects.Condition("Started", false, "", ""), new OwnedObjects.Condition("HasErrors", false, "", "")));
            return;
        }
        String name = resource.getMetadata().getName();
        Map<String, Object> spec = SimulatedOperator.spec(resource);
        Map<String, String> labels = new LinkedHashMap<>(Map.of("app", "keycloak",
                "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", name));
        int instances = ((Number) spec.getOrDefault("instances", 1)).intValue();
        objects.apply(resource, new StatefulSetBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(instances).withServiceName(name + "-discovery")
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("keycloak").withImage(String.valueOf(spec.getOrDefault("image", "quay.io/keycloak/keycloak")))
                .endContainer().endSpec().endTemplate().endSpec().build());
        objects.apply(resource, service(name, labels, spec));
        objects.apply(resource, new ServiceBuilder().withNewMetadata().withName(name + "-discovery").withLabels(labels).endMetadata()
                .withNewSpec().withClusterIP("None").withSelector(labels).withPublishNotReadyAddresses(true)
                .addNewPort().withName("tcp").withPort(7800).withProtocol("TCP").endPort().endSpec().build());
        Object adminSecret = SimulatedOperator.map(SimulatedOperator.map(spec.get("bootstrapAdmin")).get("user")).get("secret");
        if (adminSecret == null || adminSecret.equals(name + "-initial-admin")) {
            objects.createSecretOnce(resource, new SecretBuilder().withNewMetadata().withName(name + "-initial-admin")
                    .withLabels(labels).endMetadata().withType("kubernetes.io/basic-auth")
                    .addToStringData("username", "temp-admin")
                    .addToStringData("password", UUID.randomUUID().toString().replace("-", "")).build());
        }
        objects.status(resource, Map.of("instances", instances, "selector", "app=keycloak,app.kubernetes.io/instance=" + name
                + ",app.kubernetes.io/managed-by=keycloak-operator"), List.of(
                new OwnedObjects.Condition("Ready", true, "", ""), new OwnedObjects.Condition("HasErrors", false, "", ""),
                new OwnedObjects.Condition("RollingUpdate", false, "", "")));
    }

    private static io.fabric8.kubernetes.api.model.Service service(String name, Map<String, String> labels, Map<String, Object> spec) {
        Map<String, Object> http = SimulatedOperator.map(spec.get("http"));
        boolean tls = http.get("tlsSecret") != null;
        var builder = new ServiceBuilder().withNewMetadata().withName(name + "-service").withLabels(labels).endMetadata()
                .withNewSpec().withSelector(labels);
        if (!tls || Boolean.TRUE.equals(http.get("httpEnabled"))) {
            builder.addNewPort().withName("http").withPort(8080).withTargetPort(new IntOrString(8080)).withProtocol("TCP").endPort();
        }
        if (tls) {
            builder.addNewPort().withName("https").withPort(8443).withTargetPort(new IntOrString(8443)).withProtocol("TCP").endPort();
        }
        return builder.addNewPort().withName("management").withPort(9000).withProtocol("TCP").endPort().endSpec().build();
    }
}

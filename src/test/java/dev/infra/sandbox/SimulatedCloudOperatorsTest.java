package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.ArgoCdCrd;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.StandInCrds;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The simulated operators of the cloud profiles (ECK, External Secrets, Sealed Secrets, Argo CD).
 * Their charts are not in ../shared/upstream-charts, so the CRDs are the stand-ins' (src/test/standins).
 */
@KubeTest
@NeedsSimulation("the simulated cloud operators")
class SimulatedCloudOperatorsTest {

    @Test
    void anElasticsearchGetsItsStatefulSetServicesAndElasticUserAndKibanaAndABeatTheirWorkloads(TestNamespace ns) {
        for (String crd : List.of("elasticsearches", "kibanas", "beats")) StandInCrds.ensure(ns.client(), "eck-operator/crds/" + crd + ".yaml");
        apply(ns, """
                apiVersion: elasticsearch.k8s.elastic.co/v1
                kind: Elasticsearch
                metadata: {name: logs}
                spec: {version: 9.4.3, nodeSets: [{name: default, count: 2}]}
                ---
                apiVersion: kibana.k8s.elastic.co/v1
                kind: Kibana
                metadata: {name: logs}
                spec: {version: 9.4.3, count: 1, elasticsearchRef: {name: logs}, http: {tls: {selfSignedCertificate: {disabled: true}}}}
                ---
                apiVersion: beat.k8s.elastic.co/v1beta1
                kind: Beat
                metadata: {name: filebeat}
                spec: {type: filebeat, version: 9.4.3, elasticsearchRef: {name: logs}, daemonSet: {}}
                """);
        var es = awaitStatus(ns, "elasticsearch.k8s.elastic.co/v1", "Elasticsearch", "logs", s -> "green".equals(s.get("health")));
        assertEquals("Ready", status(es).get("phase"));
        assertTrue(conditionTrue(es, "ElasticsearchIsReachable"), status(es).toString());

        var sset = ns.client().apps().statefulSets().withName("logs-es-default").get();
        assertEquals(2, sset.getSpec().getReplicas());
        assertEquals("logs-es-default", sset.getSpec().getServiceName());
        assertEquals("elasticsearch-data", sset.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
        assertEquals("https:9200", port(ns, "logs-es-http"));
        assertEquals("tls-transport:9300", port(ns, "logs-es-transport"));
        Secret elastic = ns.client().secrets().withName("logs-es-elastic-user").get();
        assertEquals(24, decode(elastic, "elastic").length());
        assertTrue(elastic.getMetadata().getOwnerReferences().isEmpty(), "ECK leaves the elastic user's Secret unowned");

        awaitStatus(ns, "kibana.k8s.elastic.co/v1", "Kibana", "logs", s -> "Established".equals(s.get("associationStatus")));
        assertEquals(1, ns.client().apps().deployments().withName("logs-kb").get().getSpec().getReplicas());
        assertEquals("http:5601", port(ns, "logs-kb-http"), "Kibana's TLS is off");
        awaitStatus(ns, "beat.k8s.elastic.co/v1beta1", "Beat", "filebeat", s -> "green".equals(s.get("health")));
        assertEquals("docker.elastic.co/beats/filebeat:9.4.3", ns.client().apps().daemonSets().withName("filebeat-beat-filebeat").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }

    @Test
    void anExternalSecretFillsItsTargetSecretKeepingValuesItHoldsAndStoresAreReady(TestNamespace ns) {
        for (String crd : List.of("secretstores", "externalsecrets")) StandInCrds.ensure(ns.client(), "external-secrets/crds/" + crd + ".yaml");
        // a value the provider holds, put there by the user
        ns.client().secrets().resource(new SecretBuilder().withNewMetadata().withName("db-credentials").endMetadata()
                .addToStringData("POSTGRES_USER", "app").build()).create();
        apply(ns, """
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata: {name: aws}
                spec: {provider: {aws: {service: SecretsManager, region: us-east-1}}}
                ---
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: db}
                spec:
                  secretStoreRef: {kind: SecretStore, name: aws}
                  target: {name: db-credentials}
                  data:
                    - {secretKey: POSTGRES_USER, remoteRef: {key: app/db, property: user}}
                    - {secretKey: POSTGRES_PASSWORD, remoteRef: {key: app/db, property: password}}
                """);
        awaitStatus(ns, "external-secrets.io/v1", "SecretStore", "aws", s -> conditionTrue(s, "Ready"));
        var external = awaitStatus(ns, "external-secrets.io/v1", "ExternalSecret", "db", s -> conditionTrue(s, "Ready"));
        assertEquals(Map.of("name", "db-credentials"), status(external).get("binding"));

        Secret secret = ns.client().secrets().withName("db-credentials").get();
        assertEquals("app", decode(secret, "POSTGRES_USER"));
        assertEquals(24, decode(secret, "POSTGRES_PASSWORD").length());
        assertEquals("true", secret.getMetadata().getLabels().get("reconcile.external-secrets.io/managed"));
        assertEquals("ExternalSecret/db", controller(secret));
    }

    @Test
    void aSealedSecretBecomesASecretOfItsNameAndIsSynced(TestNamespace ns) {
        StandInCrds.ensure(ns.client(), "sealed-secrets/crds/sealedsecrets.yaml");
        apply(ns, """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: api-token}
                spec:
                  encryptedData: {password: AgBy3i4OJSWK+PiTySYZZA==}
                  template: {type: kubernetes.io/basic-auth, metadata: {labels: {team: platform}}}
                """);
        awaitStatus(ns, "bitnami.com/v1alpha1", "SealedSecret", "api-token", s -> conditionTrue(s, "Synced"));
        Secret secret = ns.client().secrets().withName("api-token").get();
        assertEquals("kubernetes.io/basic-auth", secret.getType());
        assertEquals("platform", secret.getMetadata().getLabels().get("team"));
        assertEquals("AgBy3i4OJSWK+PiTySYZZA==", decode(secret, "password"), "nothing to decrypt with: the sealed text");
        assertEquals("SealedSecret/api-token", controller(secret));
    }

    @Test
    void anApplicationIsSyncedAndHealthyOnceAndAHealthSetLaterStays(TestNamespace ns) throws InterruptedException {
        ArgoCdCrd.ensure(ns.client());
        apply(ns, """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: shop}
                spec:
                  project: default
                  source: {repoURL: https://git.example.com/platform.git, path: shop, targetRevision: main}
                  destination: {server: https://kubernetes.default.svc, namespace: shop}
                """);
        var app = awaitStatus(ns, "argoproj.io/v1alpha1", "Application", "shop", s -> s.get("health") != null);
        assertEquals("Synced", ((Map<?, ?>) status(app).get("sync")).get("status"));
        assertEquals("Healthy", ((Map<?, ?>) status(app).get("health")).get("status"));

        app.setAdditionalProperty("status", Map.of("health", Map.of("status", "Degraded")));
        applications(ns).resource(app).patch();
        Thread.sleep(6_000); // past the simulator's resync
        assertEquals("Degraded", ((Map<?, ?>) status(applications(ns).withName("shop").get()).get("health")).get("status"));
    }

    private static void apply(TestNamespace ns, String yaml) {
        for (HasMetadata item : ns.client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            ns.client().resource(item).inNamespace(ns.name()).serverSideApply();
        }
    }

    private static MixedOperation<GenericKubernetesResource, ?, ?> applications(TestNamespace ns) {
        return ns.client().genericKubernetesResources("argoproj.io/v1alpha1", "Application");
    }

    private static GenericKubernetesResource awaitStatus(TestNamespace ns, String apiVersion, String kind, String name,
            Predicate<Map<?, ?>> done) {
        return ns.client().genericKubernetesResources(apiVersion, kind).withName(name)
                .waitUntilCondition(r -> r != null && done.test(status(r)), 60, TimeUnit.SECONDS);
    }

    private static Map<?, ?> status(GenericKubernetesResource resource) {
        return resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status ? status : Map.of();
    }

    private static boolean conditionTrue(GenericKubernetesResource resource, String type) {
        return conditionTrue(status(resource), type);
    }

    private static boolean conditionTrue(Map<?, ?> status, String type) {
        return status.get("conditions") instanceof List<?> conditions && conditions.stream().map(c -> (Map<?, ?>) c)
                .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private static String port(TestNamespace ns, String service) {
        var port = ns.client().services().withName(service).get().getSpec().getPorts().get(0);
        return port.getName() + ":" + port.getPort();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String controller(Secret secret) {
        return secret.getMetadata().getOwnerReferences().stream().filter(o -> Boolean.TRUE.equals(o.getController()))
                .map(o -> o.getKind() + "/" + o.getName()).filter(Objects::nonNull).findFirst().orElse("none");
    }
}

package dev.infra.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.UpstreamCharts;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real upstream charts, with infra's catalog values, on the test cluster. Charts that the
 * catalog installs in a fixed namespace go there, as infra would put them.
 */
@KubeTest
class UpstreamChartsOnLocalClusterTest {
    private static final Path PROMETHEUS_STACK = UpstreamCharts.chart("kube-prometheus-stack", "88.5.3");

    @TempDir
    Path dir;

    @Test
    void redisWithTheCatalogsValuesBecomesReady(TestNamespace ns) throws IOException {
        // the catalog enables redis' ServiceMonitor, whose CRD comes with kube-prometheus-stack
        applyServiceMonitorCrd(ns);
        install(ns, component("redis"), ns.name(), UpstreamCharts.chart("redis", "23.1.1"));
        ns.client().apps().statefulSets().withName("redis-master").waitUntilCondition(
                s -> s != null && Readiness.getInstance().isReady(s), 90, TimeUnit.SECONDS);
    }

    @Test
    void certManagersWebhooksDoNotBlockAClusterIssuer(TestNamespace ns) throws IOException {
        applyServiceMonitorCrd(ns);
        Component certManager = component("cert-manager");
        install(ns, certManager, certManager.namespace(), UpstreamCharts.chart("cert-manager", "v1.21.1"));
        String yaml = """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: %s}
                spec: {selfSigned: {}}
                """.formatted(ns.name());
        try {
            var created = ns.client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).create();
            assertEquals(ns.name(), created.get(0).getMetadata().getName());
        } finally {
            ns.client().genericKubernetesResources("cert-manager.io/v1", "ClusterIssuer").withName(ns.name()).delete();
        }
    }

    @Test
    @NeedsSimulation("the simulated cert-manager issues the certificates")
    void theCatalogsCaIssuerBecomesReadyAndSignsCertificatesWithItsKey(TestNamespace ns) throws Exception {
        applyServiceMonitorCrd(ns);
        Component certManager = component("cert-manager");
        install(ns, certManager, certManager.namespace(), UpstreamCharts.chart("cert-manager", "v1.21.1"));
        try (var manifests = Files.list(Path.of("manifests/cert-issuers"))) {
            for (Path manifest : manifests.sorted().toList()) {
                ns.client().load(Files.newInputStream(manifest)).inNamespace(certManager.namespace()).forceConflicts().serverSideApply();
            }
        }
        ns.client().genericKubernetesResources("cert-manager.io/v1", "ClusterIssuer").withName("infra-ca")
                .waitUntilCondition(i -> condition(i, "Ready"), 60, TimeUnit.SECONDS);
        ns.client().load(new ByteArrayInputStream("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.test]
                  issuerRef: {kind: ClusterIssuer, name: infra-ca}
                """.getBytes(StandardCharsets.UTF_8))).create();
        ns.client().genericKubernetesResources("cert-manager.io/v1", "Certificate").withName("app")
                .waitUntilCondition(c -> condition(c, "Ready"), 60, TimeUnit.SECONDS);

        Secret tls = ns.client().secrets().withName("app-tls").get();
        assertEquals("kubernetes.io/tls", tls.getType());
        X509Certificate leaf = certificate(tls.getData().get("tls.crt"));
        X509Certificate ca = certificate(tls.getData().get("ca.crt"));
        leaf.verify(ca.getPublicKey());
        assertEquals(List.of(List.of(2, "app.example.test")), List.copyOf(leaf.getSubjectAlternativeNames()));
        assertEquals("CN=infra-ca", ca.getSubjectX500Principal().getName());
        assertTrue(new String(Base64.getDecoder().decode(tls.getData().get("tls.key")), StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    @NeedsSimulation("the simulated prometheus-operator creates the StatefulSets")
    void prometheusStacksOperatorMadeStatefulSetsAppearUnderTheCatalogsNames(TestNamespace ns) throws IOException {
        // minikube's values: ci's disable Alertmanager
        Component stack = Catalog.bundled().resolve("minikube", Optional.empty()).component("prometheus-stack");
        install(ns, stack, stack.namespace(), PROMETHEUS_STACK);
        var statefulSets = ns.client().apps().statefulSets().inNamespace(stack.namespace());
        for (String name : List.of("prometheus-prometheus-stack-kube-prom-prometheus", "alertmanager-prometheus-stack-kube-prom-alertmanager")) {
            statefulSets.withName(name).waitUntilCondition(s -> s != null && Readiness.getInstance().isReady(s), 120, TimeUnit.SECONDS);
        }
        var prometheus = statefulSets.withName("prometheus-prometheus-stack-kube-prom-prometheus").get();
        assertEquals("prometheus-operated", prometheus.getSpec().getServiceName());
        assertEquals("prometheus-operator", prometheus.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/managed-by"));
        assertEquals("prometheus-stack-kube-prom-prometheus", prometheus.getSpec().getSelector().getMatchLabels().get("prometheus"));
        assertEquals(9090, ns.client().services().inNamespace(stack.namespace()).withName("prometheus-operated").get()
                .getSpec().getPorts().get(0).getPort());
        assertEquals("true", ns.client().services().inNamespace(stack.namespace()).withName("alertmanager-operated").get()
                .getMetadata().getLabels().get("operated-alertmanager"));
    }

    @Test
    @NeedsSimulation("the simulated PGO runs the PostgresCluster")
    void theCatalogsPostgresClusterGetsPgosConditionsServicesAndLoginSecret(TestNamespace ns) throws Exception {
        Component pgo = component("pgo");
        install(ns, pgo, pgo.namespace(), UpstreamCharts.chart("pgo", "5.8.9"));
        try (var manifests = Files.list(Path.of("manifests/keycloak-db"))) {
            for (Path manifest : manifests.sorted().toList()) {
                String yaml = Files.readString(manifest).replace("${storageClass}", "standard");
                ns.client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).serverSideApply();
            }
        }
        ns.client().genericKubernetesResources("postgres-operator.crunchydata.com/v1beta1", "PostgresCluster").withName("keycloak")
                .waitUntilCondition(c -> condition(c, "PGBackRestReplicaRepoReady"), 60, TimeUnit.SECONDS);
        Secret login = ns.client().secrets().withName("keycloak-pguser-keycloak")
                .waitUntilCondition(s -> s != null, 30, TimeUnit.SECONDS);
        assertEquals(List.of("dbname", "host", "jdbc-uri", "password", "port", "uri", "user", "verifier"),
                login.getData().keySet().stream().sorted().toList());
        assertEquals("keycloak-primary." + ns.name() + ".svc", decode(login.getData().get("host")));
        assertTrue(decode(login.getData().get("verifier")).startsWith("SCRAM-SHA-256$4096:"));
        var pods = ns.client().pods().withLabel("postgres-operator.crunchydata.com/role", "master")
                .withLabel("postgres-operator.crunchydata.com/cluster", "keycloak");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pods.list().getItems().stream().noneMatch(p -> Readiness.getInstance().isReady(p))) {
            assertTrue(System.nanoTime() < deadline, "no Ready pod labelled role=master within 60s");
            Thread.sleep(500);
        }
        assertEquals("None", ns.client().services().withName("keycloak-primary").get().getSpec().getClusterIP());
        assertTrue(ns.client().apps().statefulSets().withName("keycloak-repo-host").get() != null);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static boolean condition(GenericKubernetesResource resource, String type) {
        if (resource == null || !(resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream().map(c -> (Map<?, ?>) c)
                .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private static X509Certificate certificate(String base64Pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem)));
    }

    private static Component component(String name) {
        return Catalog.bundled().resolve("ci", Optional.empty()).component(name);
    }

    private void install(TestNamespace ns, Component component, String namespace, Path chart) throws IOException {
        Path values = Files.writeString(dir.resolve(component.name() + ".yaml"),
                KubeObjects.YAML.writeValueAsString(component.values()));
        // Other tests leave releases of the same names (FullCatalogTest's, with another profile's
        // values) and CRDs that a fresh cluster would not have (helm never deletes a chart's crds/,
        // and helm 4 applies them server-side): start from no release and take the CRDs over.
        HelmBinary.onPath().run("uninstall", component.release(), "--namespace", namespace, "--ignore-not-found",
                "--kubeconfig", ns.kubeconfig().toString());
        HelmBinary.onPath().run("upgrade", "--install", component.release(), chart.toString(), "--namespace", namespace,
                "--create-namespace", "--values", values.toString(), "--kubeconfig", ns.kubeconfig().toString(),
                "--take-ownership", "--force-conflicts");
    }

    private static void applyServiceMonitorCrd(TestNamespace ns) {
        String yaml = UpstreamCharts.file(PROMETHEUS_STACK, "kube-prometheus-stack/charts/crds/crds/crd-servicemonitors.yaml");
        ns.client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).forceConflicts().serverSideApply();
        ns.client().apiextensions().v1().customResourceDefinitions().withName("servicemonitors.monitoring.coreos.com")
                .waitUntilCondition(crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())), 30, TimeUnit.SECONDS);
    }
}

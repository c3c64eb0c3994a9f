package dev.infra.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which object each rule reads, and what a diagnosis says when it cannot read. The client points
 * at a closed port, so that a read fails at once and fabric8's error names the kind, name and
 * namespace it asked for.
 */
class ReadHandlesTest {
    private static KubernetesClient nowhere;

    @BeforeAll
    static void clientOfNoServer() {
        nowhere = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1")
                .withRequestRetryBackoffLimit(0).withConnectionTimeout(500).build()).build();
    }

    @AfterAll
    static void close() {
        nowhere.close();
    }

    @Test
    void eachKindReadsItsObjectByNameInTheComponentNamespace() {
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "PersistentVolumeClaim", "Secret")) {
            assertEquals("Operation: [get]  for kind: [" + kind + "]  with name: [x]  in namespace: [apps]  failed.",
                    readFailure(ReadinessCheck.of(kind, "x", null)), kind);
        }
        assertEquals("Operation: [get]  for kind: [CustomResourceDefinition]  with name: [widgets.example.com]  in namespace: [null]  failed.",
                readFailure(ReadinessCheck.of("CustomResourceDefinition", "widgets.example.com", null)));
    }

    @Test
    void checkWithItsOwnNamespaceIsReadThere() {
        assertEquals("Operation: [get]  for kind: [Secret]  with name: [token]  in namespace: [data]  failed.",
                readFailure(ReadinessCheck.of("Secret", "token", "data")));
    }

    @Test
    void customResourceIsNamespacedUnlessTheApiSaysOtherwise() {
        var api = new APIResourceListBuilder().withResources(
                new APIResourceBuilder().withKind("ClusterIssuer").withNamespaced(false).build(),
                new APIResourceBuilder().withKind("Certificate").withNamespaced(true).build()).build();
        assertFalse(ConditionRule.namespaced(api, "ClusterIssuer"));
        assertTrue(ConditionRule.namespaced(api, "Certificate"));
        assertTrue(ConditionRule.namespaced(api, "Issuer"), "a kind not served yet");
        assertTrue(ConditionRule.namespaced(null, "Issuer"), "a group not served yet");
    }

    @Test
    void podsOfTheObjectAsItIsNow() {
        var web = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector().endSpec().build();
        var check = ReadinessCheck.of("Deployment", "web", null);
        assertEquals(web.getSpec().getSelector(), new Watched<>(check, new DeploymentRule(), FakeResource.of(List.of(web))).pods());
        assertNull(new Watched<>(check, new DeploymentRule(), FakeResource.of(Arrays.asList((Object) null))).pods());
        var secret = ReadinessCheck.of("Secret", "token", null);
        assertNull(new Watched<>(secret, new SecretRule(), FakeResource.of(List.of(new SecretBuilder().build()))).pods());
    }

    @Test
    void diagnosisThatCannotReadTheClusterStillSaysWhatItWaitsFor() {
        var status = CheckStatus.waiting(ReadinessCheck.of("Deployment", "web", null), "0 of 1 updated replicas available");
        assertEquals("Deployment web: 0 of 1 updated replicas available (no more detail: Operation: [get]  for kind: [Deployment]"
                + "  with name: [web]  in namespace: [apps]  failed.)", new Diagnosis(nowhere).explain(status, "apps"));
    }

    @Test
    void logThatCannotBeReadSaysSoInsteadOfFailingTheDiagnosis() {
        var pod = new PodBuilder().withNewMetadata().withName("web-1").withNamespace("apps").endMetadata().build();
        String log = new Diagnosis(nowhere).lastLog(pod, "web", false);
        assertTrue(log.startsWith("(unavailable: ") && log.endsWith(")"), log);
    }

    private static String readFailure(ReadinessCheck check) {
        return assertThrows(KubernetesClientException.class, () -> Watched.of(nowhere, check, "apps").evaluate()).getMessage();
    }
}

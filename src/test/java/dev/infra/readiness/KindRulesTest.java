package dev.infra.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.readiness.RolloutTable.Verdict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the kinds without rollouts, and how a kind finds its rule. */
class KindRulesTest {
    private static final ReadinessCheck JOB = ReadinessCheck.of("Job", "migrate", null);
    private static final ReadinessCheck CLUSTER = new ReadinessCheck("PostgresCluster", "db", "postgres-operator.crunchydata.com/v1beta1",
            null, "Ready", null);

    @Test
    void jobIsReadyWhenCompleteAndFailedForGoodWhenFailed() {
        assertEquals(Verdict.READY, verdict(JOB, job("Complete", "True")));
        assertEquals(Verdict.FAILED, verdict(JOB, job("Failed", "True")));
        assertEquals(Verdict.FAILED, verdict(JOB, job("FailureTarget", "True")));
        assertEquals("job failed: BackoffLimitExceeded: Job has reached the specified backoff limit",
                new JobRule().judge(JOB, job("Failed", "True")).message());
    }

    @Test
    void jobWaitsWhileNoConditionHolds() {
        assertEquals(Verdict.WAITING, verdict(JOB, job("Complete", "False")));
        assertEquals(Verdict.WAITING, verdict(JOB, job("Failed", "False")));
        assertEquals(Verdict.WAITING, verdict(JOB, job("Suspended", "True")));
        assertEquals(Verdict.WAITING, verdict(JOB, new JobBuilder().withNewMetadata().withName("migrate").endMetadata().build()));
        assertEquals(Verdict.WAITING, verdict(JOB, new JobBuilder().withNewStatus().endStatus().build()));
        assertEquals("not complete", new JobRule().judge(JOB, job("Complete", "False")).message());
    }

    @Test
    void jobPodsAreThoseOfItsSelector() {
        var job = new JobBuilder().withNewSpec().withNewSelector().addToMatchLabels("job-name", "migrate").endSelector().endSpec().build();
        assertEquals(job.getSpec().getSelector(), new JobRule().pods(job));
    }

    @Test
    void claimIsReadyWhenBoundAndFailedWhenItsVolumeIsLost() {
        var check = ReadinessCheck.of("PersistentVolumeClaim", "data", null);
        assertEquals(Verdict.READY, verdict(check, claim("Bound")));
        assertEquals(Verdict.FAILED, verdict(check, claim("Lost")));
        assertEquals(Verdict.WAITING, verdict(check, claim("Pending")));
        assertEquals("Pending", new ClaimRule().judge(check, claim("Pending")).message());
        assertEquals("no phase yet", new ClaimRule().judge(check, claim(null)).message());
        assertEquals("no phase yet", new ClaimRule().judge(check, new PersistentVolumeClaim()).message());
    }

    @Test
    void secretIsReadyOnceItExists() {
        var check = ReadinessCheck.of("Secret", "token", null);
        assertEquals(Verdict.READY, verdict(check, new SecretBuilder().build()));
    }

    @Test
    void crdIsReadyWhenEstablished() {
        var check = ReadinessCheck.of("CustomResourceDefinition", "widgets.example.com", null);
        assertEquals(Verdict.READY, verdict(check, crd("Established", "True")));
        assertEquals(Verdict.WAITING, verdict(check, crd("Established", "False")));
        assertEquals(Verdict.WAITING, verdict(check, crd("NamesAccepted", "True")));
        assertEquals(Verdict.WAITING, verdict(check, new CustomResourceDefinition()));
        assertEquals(Verdict.WAITING, verdict(check, new CustomResourceDefinitionBuilder().withNewStatus().endStatus().build()));
        assertEquals("not established", new CrdRule().judge(check, crd("Established", "False")).message());
    }

    @Test
    void customResourceIsReadyWhenItsConditionIsTrue() {
        var rule = new ConditionRule("PostgresCluster");
        assertEquals(Verdict.READY, verdict(CLUSTER, resource(condition("Ready", "True", null))));
        assertEquals("Ready=False: pods starting", rule.judge(CLUSTER, resource(condition("Ready", "False", "pods starting"))).message());
        assertEquals("Ready=Unknown", rule.judge(CLUSTER, resource(condition("Ready", "Unknown", null))).message());
        assertEquals("no Ready condition yet", rule.judge(CLUSTER, resource(condition("Progressing", "True", null))).message());
        assertEquals("no Ready condition yet", rule.judge(CLUSTER, new GenericKubernetesResource()).message());
    }

    @Test
    void customResourceReportingErrorsKeepsWaitingEvenWhenReady() {
        var errors = condition("HasErrors", "True", "database starting");
        var status = new ConditionRule("PostgresCluster").judge(CLUSTER, resource(errors, condition("Ready", "True", null)));
        assertEquals(Verdict.WAITING, RolloutTable.verdict(status));
        assertEquals("HasErrors: database starting", status.message());
        assertEquals(Verdict.READY, verdict(CLUSTER, resource(condition("HasErrors", "False", null), condition("Ready", "True", null))));
    }

    @Test
    void customResourceWithoutConditionListWaits() {
        var r = new GenericKubernetesResourceBuilder().withKind("PostgresCluster").build();
        r.setAdditionalProperty("status", Map.of("conditions", "none"));
        assertEquals(Verdict.WAITING, verdict(CLUSTER, r));
        r.setAdditionalProperty("status", "broken");
        assertEquals(Verdict.WAITING, verdict(CLUSTER, r));
    }

    @Test
    void everyKindOtherThanTheBuiltInOnesIsACustomResource() {
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "PersistentVolumeClaim", "Secret",
                "CustomResourceDefinition")) {
            assertFalse(ReadinessCheck.of(kind, "x", null).isCustomResource(), kind);
            assertEquals(kind, Kinds.of(kind).kind());
        }
        assertTrue(CLUSTER.isCustomResource());
        assertInstanceOf(ConditionRule.class, Kinds.of("PostgresCluster"));
        assertEquals("PostgresCluster", Kinds.of("PostgresCluster").kind());
    }

    @Test
    void missingObjectWaitsAndSaysSo() {
        var check = ReadinessCheck.of("Deployment", "web", null);
        var status = new Watched<>(check, new DeploymentRule(), null).judge(null);
        assertEquals(Verdict.WAITING, RolloutTable.verdict(status));
        assertEquals("Deployment web does not exist yet", status.message());
        assertEquals("Deployment web", status.subject());
    }

    @Test
    void checkInItsOwnNamespaceKeepsIt() {
        assertEquals("data", ReadinessCheck.of("Secret", "s", "data").namespaceOr("app"));
        assertEquals("app", ReadinessCheck.of("Secret", "s", null).namespaceOr("app"));
    }

    @SuppressWarnings("unchecked")
    private static Verdict verdict(ReadinessCheck check, HasMetadata object) {
        var rule = (KindRule<HasMetadata>) Kinds.of(check.kind());
        return RolloutTable.verdict(rule.judge(check, object));
    }

    private static Job job(String type, String status) {
        return new JobBuilder().withNewMetadata().withName("migrate").endMetadata().withNewStatus().addNewCondition()
                .withType(type).withStatus(status).withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").endCondition().endStatus().build();
    }

    private static PersistentVolumeClaim claim(String phase) {
        return new PersistentVolumeClaimBuilder().withNewStatus().withPhase(phase).endStatus().build();
    }

    private static CustomResourceDefinition crd(String type, String status) {
        return new CustomResourceDefinitionBuilder().withNewStatus().addNewCondition().withType(type).withStatus(status)
                .endCondition().endStatus().build();
    }

    private static Map<String, Object> condition(String type, String status, String message) {
        var condition = new java.util.HashMap<String, Object>(Map.of("type", type, "status", status));
        if (message != null) condition.put("message", message);
        return condition;
    }

    @SafeVarargs
    private static GenericKubernetesResource resource(Map<String, Object>... conditions) {
        var r = new GenericKubernetesResourceBuilder().withApiVersion(CLUSTER.apiVersion()).withKind("PostgresCluster")
                .withNewMetadata().withName("db").endMetadata().build();
        r.setAdditionalProperty("status", Map.of("conditions", List.of(conditions)));
        return r;
    }
}

package dev.infra.readiness;

import static dev.infra.readiness.RolloutTable.daemonSetStatus;
import static dev.infra.readiness.RolloutTable.deploymentStatus;
import static dev.infra.readiness.RolloutTable.infraVerdict;
import static dev.infra.readiness.RolloutTable.statefulSetStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.infra.readiness.RolloutTable.Row;
import dev.infra.readiness.RolloutTable.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollout rules as pure functions of an object: the table's verdicts (which the cluster test
 * checks against kubectl), and the branches that API server defaults never reach.
 */
class RolloutRulesTest {

    static List<Row> rows() {
        return RolloutTable.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void workloadVerdictMatchesKubectlRolloutStatus(Row row) {
        assertEquals(row.verdict(), infraVerdict(row.object()));
    }

    @Test
    void deploymentMessagesSayWhatTheRolloutWaitsFor() {
        assertEquals("1 of 3 new replicas updated", message(deployment(3, 1, deploymentStatus(1, 3, 1, 3, 3))));
        assertEquals("1 old replicas pending termination", message(deployment(3, 1, deploymentStatus(1, 4, 3, 4, 4))));
        assertEquals("2 of 3 updated replicas available", message(deployment(3, 1, deploymentStatus(1, 3, 3, 3, 2))));
        assertEquals("spec update not observed yet", message(deployment(3, 2, deploymentStatus(1, 3, 3, 3, 3))));
        assertEquals("exceeded its progress deadline", message(deployment(3, 1, progressing("ProgressDeadlineExceeded"))));
    }

    @Test
    void deploymentWithoutReplicasInItsSpecWaitsOnlyForWhatItRuns() {
        assertEquals(Verdict.READY, infraVerdict(deployment(null, 1, deploymentStatus(1, 0, 0, 0, 0))));
        assertEquals(Verdict.WAITING, infraVerdict(deployment(null, 1, deploymentStatus(1, 2, 2, 2, 1))));
    }

    @Test
    void onlyAProgressDeadlineFailsADeployment() {
        assertEquals(Verdict.WAITING, infraVerdict(deployment(3, 1, progressing("ReplicaSetUpdated"))));
        var otherType = new DeploymentStatusBuilder(deploymentStatus(1, 3, 1, 3, 3)).withConditions(new DeploymentConditionBuilder()
                .withType("Available").withStatus("False").withReason("ProgressDeadlineExceeded").build()).build();
        assertEquals(Verdict.WAITING, infraVerdict(deployment(3, 1, otherType)));
    }

    @Test
    void aProgressDeadlineOfAnUnobservedSpecIsNotYetAFailure() {
        assertEquals(Verdict.WAITING, infraVerdict(deployment(3, 2, progressing("ProgressDeadlineExceeded"))));
    }

    @Test
    void statefulSetWithoutRollingUpdateBlockComparesRevisions() {
        assertEquals(Verdict.WAITING, infraVerdict(statefulSet(3, null, statefulSetStatus(1L, 3, 3, 3, "r1", "r2"))));
        assertEquals(Verdict.READY, infraVerdict(statefulSet(3, null, statefulSetStatus(1L, 3, 3, 0, "r2", "r2"))));
        assertEquals("rolling update to revision r2 in progress: 1 pods updated",
                message(statefulSet(3, null, statefulSetStatus(1L, 3, 3, 1, "r1", "r2"))));
    }

    @Test
    void statefulSetWithoutPartitionIsRolledOutOnceReady() {
        var s = statefulSet(3, null, statefulSetStatus(1L, 3, 3, 0, "r1", "r2"));
        s.getSpec().getUpdateStrategy().setRollingUpdate(new RollingUpdateStatefulSetStrategy());
        assertEquals(Verdict.READY, infraVerdict(s));
    }

    @Test
    void statefulSetWithoutReplicasInItsSpecSkipsTheCountsLikeKubectl() {
        var s = statefulSet(null, null, statefulSetStatus(1L, 3, 0, 0, "r1", "r1"));
        s.getSpec().setUpdateStrategy(new StatefulSetUpdateStrategyBuilder()
                .withType("RollingUpdate").withNewRollingUpdate().withPartition(0).endRollingUpdate().build());
        assertEquals(Verdict.READY, infraVerdict(s));
    }

    @Test
    void statefulSetMessagesSayWhatTheRolloutWaitsFor() {
        var partitioned = statefulSet(3, null, statefulSetStatus(1L, 3, 3, 1, "r1", "r2"));
        partitioned.getSpec().setUpdateStrategy(new StatefulSetUpdateStrategyBuilder()
                .withType("RollingUpdate").withNewRollingUpdate().withPartition(1).endRollingUpdate().build());
        assertEquals("1 of 2 new pods updated", message(partitioned));
        assertEquals("2 of 3 pods ready", message(statefulSet(3, null, statefulSetStatus(1L, 3, 2, 3, "r1", "r1"))));
        assertEquals("spec update not observed yet", message(statefulSet(3, null, null)));
    }

    @Test
    void daemonSetWithoutStrategyRollsLikeRollingUpdate() {
        assertEquals(Verdict.WAITING, infraVerdict(daemonSet(daemonSetStatus(1, 3, 2, 3, 3))));
        assertEquals(Verdict.READY, infraVerdict(daemonSet(daemonSetStatus(1, 3, 3, 3, 3))));
        assertEquals("2 of 3 new pods updated", message(daemonSet(daemonSetStatus(1, 3, 2, 3, 3))));
        assertEquals("2 of 3 pods available", message(daemonSet(daemonSetStatus(1, 3, 3, 3, 2))));
    }

    @Test
    void workloadsNameThePodsThatExplainAWait() {
        var d = deployment(3, 1, null);
        assertEquals(d.getSpec().getSelector(), new DeploymentRule().pods(d));
        var s = statefulSet(3, null, null);
        assertEquals(s.getSpec().getSelector(), new StatefulSetRule().pods(s));
        var a = daemonSet(null);
        assertEquals(a.getSpec().getSelector(), new DaemonSetRule().pods(a));
        assertNull(new SecretRule().pods(new Secret()));
    }

    private static String message(HasMetadata object) {
        @SuppressWarnings("unchecked")
        var rule = (KindRule<HasMetadata>) Kinds.of(object.getKind());
        return rule.judge(ReadinessCheck.of(object.getKind(), "x", null), object).message();
    }

    private static DeploymentStatus progressing(String reason) {
        return new DeploymentStatusBuilder(deploymentStatus(1, 3, 1, 3, 3)).withConditions(new DeploymentConditionBuilder()
                .withType("Progressing").withStatus("False").withReason(reason).build()).build();
    }

    private static Deployment deployment(Integer replicas, long generation, DeploymentStatus status) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "web").endSelector().endSpec()
                .withStatus(status).build();
    }

    /** A StatefulSet without an update strategy, as a client might build one before the API server defaults it. */
    private static StatefulSet statefulSet(Integer replicas, String strategy, StatefulSetStatus status) {
        return new StatefulSetBuilder().withNewMetadata().withName("db").withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "db").endSelector()
                .withNewUpdateStrategy().withType(strategy).endUpdateStrategy().endSpec()
                .withStatus(status).build();
    }

    private static DaemonSet daemonSet(DaemonSetStatus status) {
        return new DaemonSetBuilder().withNewMetadata().withName("agent").withGeneration(1L).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector().endSpec()
                .withStatus(status).build();
    }
}

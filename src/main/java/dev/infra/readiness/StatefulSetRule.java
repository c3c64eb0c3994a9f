package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Objects;

/**
 * kubectl rollout status for StatefulSets: the new generation observed, every replica ready,
 * and the pods from the partition up updated (or, without a rollingUpdate block, the update
 * revision current). With OnDelete, pods change only when deleted, so kubectl has no rollout
 * to follow; infra then waits for every replica to be ready, as it would without an update.
 */
final class StatefulSetRule implements KindRule<StatefulSet> {

    @Override
    public String kind() {
        return "StatefulSet";
    }

    @Override
    public Resource<StatefulSet> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.apps().statefulSets().inNamespace(namespace).withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, StatefulSet s) {
        var status = Objects.requireNonNullElseGet(s.getStatus(), StatefulSetStatus::new);
        long observed = Counts.of(status.getObservedGeneration());
        if (observed == 0 || Counts.of(s.getMetadata().getGeneration()) > observed) {
            return CheckStatus.waiting(check, "spec update not observed yet");
        }
        Integer want = s.getSpec().getReplicas();
        int ready = Counts.of(status.getReadyReplicas());
        if (want != null && ready < want) return CheckStatus.waiting(check, ready + " of " + want + " pods ready");
        var strategy = s.getSpec().getUpdateStrategy();
        if (strategy != null && "OnDelete".equals(strategy.getType())) return CheckStatus.ready(check);
        return strategy != null && strategy.getRollingUpdate() != null
                ? partitioned(check, want, strategy.getRollingUpdate().getPartition(), status)
                : revisions(check, status);
    }

    /** Pods with an ordinal at or above the partition get the new revision; the rest keep theirs. */
    private static CheckStatus partitioned(ReadinessCheck check, Integer want, Integer partition, StatefulSetStatus status) {
        int updated = Counts.of(status.getUpdatedReplicas());
        if (want != null && partition != null && updated < want - partition) {
            return CheckStatus.waiting(check, updated + " of " + (want - partition) + " new pods updated");
        }
        return CheckStatus.ready(check);
    }

    private static CheckStatus revisions(ReadinessCheck check, StatefulSetStatus status) {
        if (Objects.equals(status.getUpdateRevision(), status.getCurrentRevision())) return CheckStatus.ready(check);
        return CheckStatus.waiting(check, "rolling update to revision " + status.getUpdateRevision() + " in progress: "
                + Counts.of(status.getUpdatedReplicas()) + " pods updated");
    }

    @Override
    public LabelSelector pods(StatefulSet s) {
        return s.getSpec().getSelector();
    }
}

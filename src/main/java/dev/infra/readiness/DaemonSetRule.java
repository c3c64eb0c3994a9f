package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Objects;

/**
 * kubectl rollout status for DaemonSets: the new generation observed, a pod updated and
 * available on every node that should run one. With OnDelete kubectl has no rollout to follow;
 * infra then waits for the pods to be available.
 */
final class DaemonSetRule implements KindRule<DaemonSet> {

    @Override
    public String kind() {
        return "DaemonSet";
    }

    @Override
    public Resource<DaemonSet> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.apps().daemonSets().inNamespace(namespace).withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, DaemonSet d) {
        var status = Objects.requireNonNullElseGet(d.getStatus(), DaemonSetStatus::new);
        if (Counts.of(d.getMetadata().getGeneration()) > Counts.of(status.getObservedGeneration())) {
            return CheckStatus.waiting(check, "spec update not observed yet");
        }
        int want = Counts.of(status.getDesiredNumberScheduled());
        var strategy = d.getSpec().getUpdateStrategy();
        boolean onDelete = strategy != null && "OnDelete".equals(strategy.getType());
        int updated = Counts.of(status.getUpdatedNumberScheduled());
        if (!onDelete && updated < want) return CheckStatus.waiting(check, updated + " of " + want + " new pods updated");
        int available = Counts.of(status.getNumberAvailable());
        if (available < want) return CheckStatus.waiting(check, available + " of " + want + " pods available");
        return CheckStatus.ready(check);
    }

    @Override
    public LabelSelector pods(DaemonSet d) {
        return d.getSpec().getSelector();
    }
}

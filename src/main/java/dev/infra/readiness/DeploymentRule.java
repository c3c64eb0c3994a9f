package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Objects;

/** kubectl rollout status for Deployments: the new generation observed, every replica updated and available. */
final class DeploymentRule implements KindRule<Deployment> {

    @Override
    public String kind() {
        return "Deployment";
    }

    @Override
    public Resource<Deployment> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.apps().deployments().inNamespace(namespace).withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, Deployment d) {
        var status = Objects.requireNonNullElseGet(d.getStatus(), DeploymentStatus::new);
        if (Counts.of(d.getMetadata().getGeneration()) > Counts.of(status.getObservedGeneration())) {
            return CheckStatus.waiting(check, "spec update not observed yet");
        }
        if (deadlineExceeded(status)) {
            return CheckStatus.failed(check, "exceeded its progress deadline");
        }
        int updated = Counts.of(status.getUpdatedReplicas());
        Integer want = d.getSpec().getReplicas();
        if (want != null && updated < want) {
            return CheckStatus.waiting(check, updated + " of " + want + " new replicas updated");
        }
        int old = Counts.of(status.getReplicas()) - updated;
        if (old > 0) return CheckStatus.waiting(check, old + " old replicas pending termination");
        int available = Counts.of(status.getAvailableReplicas());
        if (available < updated) {
            return CheckStatus.waiting(check, available + " of " + updated + " updated replicas available");
        }
        return CheckStatus.ready(check);
    }

    private static boolean deadlineExceeded(DeploymentStatus status) {
        return Objects.requireNonNullElse(status.getConditions(), List.<DeploymentCondition>of()).stream()
                .anyMatch(c -> "Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason()));
    }

    @Override
    public LabelSelector pods(Deployment d) {
        return d.getSpec().getSelector();
    }
}

package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Objects;

/**
 * A Job is ready when complete; one that failed (or is about to: FailureTarget) has failed for
 * good, since the Job controller will not start it again.
 */
final class JobRule implements KindRule<Job> {

    @Override
    public String kind() {
        return "Job";
    }

    @Override
    public Resource<Job> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.batch().v1().jobs().inNamespace(namespace).withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, Job j) {
        List<JobCondition> conditions = j.getStatus() == null ? null : j.getStatus().getConditions();
        for (JobCondition c : Objects.requireNonNullElse(conditions, List.<JobCondition>of())) {
            if (!"True".equals(c.getStatus())) continue;
            if ("Complete".equals(c.getType())) return CheckStatus.ready(check);
            if ("Failed".equals(c.getType()) || "FailureTarget".equals(c.getType())) {
                return CheckStatus.failed(check, "job failed: " + c.getReason() + ": " + c.getMessage());
            }
        }
        return CheckStatus.waiting(check, "not complete");
    }

    @Override
    public LabelSelector pods(Job j) {
        return j.getSpec().getSelector();
    }
}

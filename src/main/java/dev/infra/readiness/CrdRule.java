package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/** A CustomResourceDefinition is ready once established: the API server serves its kind. */
final class CrdRule implements KindRule<CustomResourceDefinition> {

    @Override
    public String kind() {
        return "CustomResourceDefinition";
    }

    @Override
    public Resource<CustomResourceDefinition> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.apiextensions().v1().customResourceDefinitions().withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, CustomResourceDefinition c) {
        boolean established = c.getStatus() != null && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus()));
        return established ? CheckStatus.ready(check) : CheckStatus.waiting(check, "not established");
    }
}

package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/** A Secret that another component or an operator writes is ready once it exists. */
final class SecretRule implements KindRule<Secret> {

    @Override
    public String kind() {
        return "Secret";
    }

    @Override
    public Resource<Secret> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.secrets().inNamespace(namespace).withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, Secret s) {
        return CheckStatus.ready(check);
    }

    /** A rendered Secret exists once applied: nothing to wait for. */
    @Override
    public boolean rendered() {
        return false;
    }
}

package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/** A PersistentVolumeClaim is ready when bound; a lost volume does not come back. */
final class ClaimRule implements KindRule<PersistentVolumeClaim> {

    @Override
    public String kind() {
        return "PersistentVolumeClaim";
    }

    @Override
    public Resource<PersistentVolumeClaim> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        return client.persistentVolumeClaims().inNamespace(namespace).withName(check.name());
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, PersistentVolumeClaim p) {
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Bound".equals(phase)) return CheckStatus.ready(check);
        if ("Lost".equals(phase)) return CheckStatus.failed(check, "its volume is lost");
        return CheckStatus.waiting(check, phase == null ? "no phase yet" : phase);
    }
}

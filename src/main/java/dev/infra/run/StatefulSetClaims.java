package dev.infra.run;

import dev.infra.kube.ObjectRef;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Deletes the claims a StatefulSet made from its templates ({@link OwnedClaims}), which outlive it. */
final class StatefulSetClaims {
    private final KubernetesClient client;

    StatefulSetClaims(KubernetesClient client) {
        this.client = client;
    }

    /** @param namespace where {@code set} is when its metadata names none (as helm renders it) */
    void delete(StatefulSet set, String namespace) {
        String at = set.getMetadata().getNamespace() != null ? set.getMetadata().getNamespace() : namespace;
        var templates = set.getSpec().getVolumeClaimTemplates() == null ? List.<String>of()
                : set.getSpec().getVolumeClaimTemplates().stream().map(t -> t.getMetadata().getName()).toList();
        var claims = client.persistentVolumeClaims().inNamespace(at).list().getItems().stream()
                .map(claim -> claim.getMetadata().getName()).toList();
        for (String claim : OwnedClaims.of(set.getMetadata().getName(), templates, claims)) {
            client.persistentVolumeClaims().inNamespace(at).withName(claim).delete();
        }
    }

    /** The claims of the StatefulSet {@code ref} as it is in the cluster, if it still is. */
    void delete(ObjectRef ref) {
        var set = client.apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name()).get();
        if (set != null) delete(set, ref.namespace());
    }
}

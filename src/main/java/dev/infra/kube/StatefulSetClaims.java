package dev.infra.kube;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/** The claims and volumes of the cluster. */
final class StatefulSetClaims implements VolumeClaims {
    private final KubernetesClient client;

    StatefulSetClaims(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void deleteClaimsOf(StatefulSet set, String namespace) {
        String at = set.getMetadata().getNamespace() != null ? set.getMetadata().getNamespace() : namespace;
        var templates = set.getSpec().getVolumeClaimTemplates() == null ? List.<String>of()
                : set.getSpec().getVolumeClaimTemplates().stream().map(t -> t.getMetadata().getName()).toList();
        var claims = client.persistentVolumeClaims().inNamespace(at).list().getItems().stream()
                .map(claim -> claim.getMetadata().getName()).toList();
        for (String claim : OwnedClaims.of(set.getMetadata().getName(), templates, claims)) {
            client.persistentVolumeClaims().inNamespace(at).withName(claim).delete();
        }
    }

    @Override
    public void deleteClaimsOf(ObjectRef ref) {
        var set = client.apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name()).get();
        if (set != null) deleteClaimsOf(set, ref.namespace());
    }

    @Override
    public Optional<String> retainVolume(String namespace, String claimName) {
        var claim = client.persistentVolumeClaims().inNamespace(namespace).withName(claimName).get();
        String volume = claim == null ? null : claim.getSpec().getVolumeName();
        if (volume == null) return Optional.empty();
        client.persistentVolumes().withName(volume).edit(pv -> {
            pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
            return pv;
        });
        return Optional.of(volume);
    }
}

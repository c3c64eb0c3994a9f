package dev.infra.kube;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The claims StatefulSets made from their templates, which outlive them, and the volumes behind
 * claims: the cluster's in production ({@link #of}), a map in unit tests.
 */
public interface VolumeClaims {
    /**
     * Deletes the claims {@code set} made from its templates ({@link OwnedClaims}).
     *
     * @param namespace where {@code set} is when its metadata names none (as helm renders it)
     */
    void deleteClaimsOf(StatefulSet set, String namespace);

    /** Deletes the claims of the StatefulSet {@code ref} as it is in the cluster, if it still is. */
    void deleteClaimsOf(ObjectRef set);

    /**
     * Sets the volume bound to {@code claim} to reclaim policy Retain, so that it outlives the claim.
     *
     * @return the volume's name; empty when there is no such claim or it is not bound
     */
    Optional<String> retainVolume(String namespace, String claim);

    static VolumeClaims of(KubernetesClient client) {
        return new StatefulSetClaims(client);
    }
}

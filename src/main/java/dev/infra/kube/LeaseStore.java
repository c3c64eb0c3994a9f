package dev.infra.kube;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** Where the run lock is kept: one Lease, read and written with optimistic concurrency. */
public interface LeaseStore {
    Optional<Lease> read();

    /** False when another run wrote first (the lease exists, or changed since it was read). */
    boolean create(Lease lease);

    /** False when another run wrote first (the lease exists, or changed since it was read). */
    boolean update(Lease lease);

    void delete(Lease lease);

    /** The Lease {@code name} in {@code namespace} of the cluster. */
    static LeaseStore in(KubernetesClient client, String namespace, String name) {
        return new KubeLeaseStore(client.leases().inNamespace(namespace), name);
    }
}

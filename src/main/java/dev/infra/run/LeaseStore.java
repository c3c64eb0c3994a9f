package dev.infra.run;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/** Where the run lock is kept: one Lease, read and written with optimistic concurrency. */
interface LeaseStore {
    Optional<Lease> read();

    /** False when another run wrote first (the lease exists, or changed since it was read). */
    boolean create(Lease lease);

    /** False when another run wrote first (the lease exists, or changed since it was read). */
    boolean update(Lease lease);

    void delete(Lease lease);

    /** The Lease {@code name} in {@code namespace} of the cluster. */
    static LeaseStore in(KubernetesClient client, String namespace, String name) {
        var leases = client.leases().inNamespace(namespace);
        return new LeaseStore() {
            @Override
            public Optional<Lease> read() {
                return Optional.ofNullable(leases.withName(name).get());
            }

            @Override
            public boolean create(Lease lease) {
                return unlessConflict(() -> leases.resource(lease).create());
            }

            @Override
            public boolean update(Lease lease) {
                // the lease carries the resourceVersion it was read with: the server refuses it if that changed
                return unlessConflict(() -> leases.resource(lease).update());
            }

            @Override
            public void delete(Lease lease) {
                leases.resource(lease).delete();
            }
        };
    }

    private static boolean unlessConflict(Runnable write) {
        try {
            write.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) return false;
            throw e;
        }
    }
}

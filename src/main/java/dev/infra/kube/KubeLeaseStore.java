package dev.infra.kube;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Optional;

/** The run lock's Lease in the cluster; the API server refuses a write based on a stale read (409). */
final class KubeLeaseStore implements LeaseStore {
    private static final int CONFLICT = 409;

    private final NonNamespaceOperation<Lease, LeaseList, Resource<Lease>> leases;
    private final String name;

    KubeLeaseStore(NonNamespaceOperation<Lease, LeaseList, Resource<Lease>> leases, String name) {
        this.leases = leases;
        this.name = name;
    }

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

    /** Whether {@code write} went through; false when another run wrote first. */
    static boolean unlessConflict(Runnable write) {
        try {
            write.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) return false;
            throw e;
        }
    }
}

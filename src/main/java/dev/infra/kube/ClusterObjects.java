package dev.infra.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Objects of any kind, named by {@link ObjectRef}: the cluster's in production ({@link #of}), a
 * set in the unit tests of {@code infra down}'s decisions.
 */
public interface ClusterObjects {
    /** The kind of what {@link #contentsOf} found in an API that did not answer. */
    String UNREADABLE = "objects of the unanswering API";

    /** An object found in a namespace: whether something owns it, and whether it is being deleted. */
    record Found(ObjectRef ref, boolean owned, boolean deleting) {
    }

    /** Applies {@code object} server-side as infra's field manager, taking over fields others set. */
    void apply(HasMetadata object);

    /**
     * Deletes {@code ref} (its namespace is ignored when its kind has none); an object whose API
     * no longer exists went with its CRD, and is gone.
     */
    void delete(ObjectRef ref);

    /**
     * Everything in {@code namespace}, of every kind the API server serves. An API that does not
     * answer (an aggregated API whose server is down) may hold anything: it is one entry, of the
     * kind {@link #UNREADABLE}, named by its group and version.
     */
    List<Found> contentsOf(String namespace);

    static ClusterObjects of(KubernetesClient client) {
        return new DiscoveredObjects(client);
    }
}

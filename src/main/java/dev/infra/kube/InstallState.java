package dev.infra.kube;

import dev.infra.catalog.Component;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What infra remembers about an installed component (the digest of its inputs, when it was
 * installed, the objects it applied), and what helm's own release records say. The cluster's in
 * production ({@link #of}); a map in the unit tests of the engine's decisions.
 */
public interface InstallState {
    /** The record's ConfigMap is {@code infra-state-NAME} in the component's namespace. */
    String PREFIX = "infra-state-";

    record Recorded(String digest, String profile, Instant installedAt) {
    }

    /** One revision of a helm release, from helm's storage secret labels. */
    record Revision(int number, String status) {
    }

    /** The record of the last finished install; empty also when a partial one listed only its objects. */
    Optional<Recorded> recorded(String component, String namespace);

    void record(String component, String namespace, String digest, String profile);

    /**
     * Adds {@code objects} to what {@code down} removes, before they are applied, so that it finds
     * even those of a partial install. Earlier objects stay listed: a manifest that dropped one
     * leaves it in the cluster.
     */
    void recordObjects(String component, String namespace, List<ObjectRef> objects);

    /** What {@link #recordObjects} listed, in the order applied; empty without a record. */
    List<ObjectRef> objects(String component, String namespace);

    void forget(String component, String namespace);

    /** Whether anything of {@code c} may be in the cluster: its record, or a revision of its release. */
    boolean installed(Component c);

    /** Every revision helm has stored for {@code release}, newest first. */
    List<Revision> revisions(String release, String namespace);

    /**
     * The manifest of {@code release}'s newest revision, whatever its status, which is the one
     * {@code helm get manifest} prints (less the line end it adds); empty without a revision.
     */
    String manifest(String release, String namespace);

    /**
     * What names the newest revision's record, {@link #manifest}'s source, for as long as it exists
     * (its UID): helm never changes a record's manifest, so what was read from it holds. Empty
     * without a revision.
     */
    Optional<String> manifestId(String release, String namespace);

    /** Deletes helm's records of {@code release}, for when helm itself cannot uninstall it. */
    void forgetRelease(String release, String namespace);

    static InstallState of(KubernetesClient client) {
        return new ConfigMapInstallState(client);
    }
}

package dev.infra.run;

import dev.infra.kube.InstallState.Recorded;
import dev.infra.kube.InstallState.Revision;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Whether {@code infra up} may skip a step; the cluster is asked only as far as the answer needs. */
final class Rerun {
    private Rerun() {
    }

    /**
     * True when the last finished install had the same inputs, its release (for a chart) is
     * deployed, and its checks are ready now.
     */
    static boolean skips(Optional<Recorded> recorded, String digest, BooleanSupplier releaseDeployed, BooleanSupplier ready) {
        return recorded.isPresent() && digest.equals(recorded.get().digest()) && releaseDeployed.getAsBoolean() && ready.getAsBoolean();
    }

    /** Whether the newest of a release's revisions is deployed: a failed or pending release is reinstalled even with unchanged inputs. */
    static boolean deployed(List<Revision> newestFirst) {
        return !newestFirst.isEmpty() && newestFirst.get(0).status().equals("deployed");
    }
}

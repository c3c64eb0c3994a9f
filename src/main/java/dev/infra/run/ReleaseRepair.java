package dev.infra.run;

import dev.infra.kube.InstallState;
import java.util.List;
import java.util.Optional;

/**
 * What a release left behind by an interrupted helm call needs before helm accepts another
 * upgrade: a pending install, upgrade or rollback is rolled back to the newest good revision (or
 * removed when there is none); an interrupted uninstall ("uninstalling") is finished, since helm
 * treats that release as gone for upgrades ("has no deployed releases") but not for installs.
 *
 * @param rollbackTo the revision to roll back to; empty with {@code uninstall}
 */
record ReleaseRepair(boolean needed, Optional<Integer> rollbackTo) {
    static final ReleaseRepair NONE = new ReleaseRepair(false, Optional.empty());

    /** {@code revisions} newest first. */
    static ReleaseRepair of(List<InstallState.Revision> revisions) {
        if (revisions.isEmpty()) return NONE;
        var latest = revisions.get(0);
        if (latest.status().equals("uninstalling")) return new ReleaseRepair(true, Optional.empty());
        if (!latest.status().startsWith("pending-")) return NONE;
        return new ReleaseRepair(true, revisions.stream().filter(ReleaseRepair::good).findFirst()
                .map(InstallState.Revision::number));
    }

    private static boolean good(InstallState.Revision revision) {
        return revision.status().equals("deployed") || revision.status().equals("superseded");
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.kube.InstallState.Revision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseRepairTest {

    @Test
    void aReleaseThatIsDeployedFailedOrAbsentNeedsNoRepair() {
        assertEquals(ReleaseRepair.NONE, ReleaseRepair.of(List.of()));
        assertEquals(ReleaseRepair.NONE, ReleaseRepair.of(List.of(new Revision(2, "deployed"), new Revision(1, "superseded"))));
        // helm upgrades over a failed revision by itself
        assertEquals(ReleaseRepair.NONE, ReleaseRepair.of(List.of(new Revision(1, "failed"))));
    }

    @Test
    void aPendingReleaseRollsBackToTheNewestGoodRevision() {
        var repair = ReleaseRepair.of(List.of(new Revision(4, "pending-upgrade"), new Revision(3, "failed"),
                new Revision(2, "superseded"), new Revision(1, "superseded")));

        assertEquals(new ReleaseRepair(true, Optional.of(2)), repair);
    }

    @Test
    void aPendingReleaseWithoutAGoodRevisionIsRemoved() {
        assertEquals(new ReleaseRepair(true, Optional.empty()), ReleaseRepair.of(List.of(new Revision(1, "pending-install"))));
        assertEquals(new ReleaseRepair(true, Optional.empty()),
                ReleaseRepair.of(List.of(new Revision(2, "pending-rollback"), new Revision(1, "failed"))));
    }

    @Test
    void anInterruptedUninstallIsFinishedRatherThanRolledBack() {
        // helm upgrade --install would say "has no deployed releases" for ever
        assertEquals(new ReleaseRepair(true, Optional.empty()),
                ReleaseRepair.of(List.of(new Revision(3, "uninstalling"), new Revision(2, "deployed"))));
    }
}

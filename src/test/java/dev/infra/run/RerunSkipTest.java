package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.kube.InstallState.Recorded;
import dev.infra.kube.InstallState.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** When infra up skips a step, and that it asks the cluster no more than the answer needs. */
class RerunSkipTest {
    static final Optional<Recorded> RECORDED = Optional.of(new Recorded("abc", "ci", Instant.EPOCH));
    final List<String> asked = new ArrayList<>();

    BooleanSupplier answer(String what, boolean value) {
        return () -> {
            asked.add(what);
            return value;
        };
    }

    @Test
    void sameInputsDeployedAndReadySkips() {
        assertTrue(Rerun.skips(RECORDED, "abc", answer("release", true), answer("ready", true)));
        assertEquals(List.of("release", "ready"), asked);
    }

    @Test
    void withoutARecordOfAFinishedInstallItRunsWithoutAskingTheCluster() {
        assertFalse(Rerun.skips(Optional.empty(), "abc", answer("release", true), answer("ready", true)));
        assertEquals(List.of(), asked);
    }

    @Test
    void changedInputsRunWithoutAskingTheCluster() {
        assertFalse(Rerun.skips(RECORDED, "def", answer("release", true), answer("ready", true)));
        assertEquals(List.of(), asked);
    }

    @Test
    void aReleaseNotDeployedRunsWithoutWaitingForChecks() {
        assertFalse(Rerun.skips(RECORDED, "abc", answer("release", false), answer("ready", true)));
        assertEquals(List.of("release"), asked);
    }

    @Test
    void checksNotReadyRun() {
        assertFalse(Rerun.skips(RECORDED, "abc", answer("release", true), answer("ready", false)));
    }

    @Test
    void onlyANewestDeployedRevisionCountsAsDeployed() {
        assertTrue(Rerun.deployed(List.of(new Revision(2, "deployed"), new Revision(1, "superseded"))));
        assertFalse(Rerun.deployed(List.of(new Revision(2, "failed"), new Revision(1, "deployed"))));
        assertFalse(Rerun.deployed(List.of(new Revision(2, "pending-upgrade"), new Revision(1, "deployed"))));
        assertFalse(Rerun.deployed(List.of()));
    }
}

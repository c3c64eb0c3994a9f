package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When infra status calls a component healthy. */
class ComponentStatusTest {
    static ComponentStatus status(String state, int ready, int checks, int unhealthy) {
        return new ComponentStatus("c", "ns", state, "1.0", ready, checks, null, List.of(), List.of(), List.of(), unhealthy);
    }

    @Test
    void aDeployedReleaseOrAppliedManifestsWithEveryCheckReadyAndNothingUnhealthyIsHealthy() {
        assertTrue(status("deployed", 2, 2, 0).healthy());
        assertTrue(status("applied", 0, 0, 0).healthy());
    }

    @Test
    void anyOtherStateIsNotHealthy() {
        assertFalse(status("not-installed", 0, 0, 0).healthy());
        assertFalse(status("failed", 2, 2, 0).healthy());
        assertFalse(status("pending-upgrade", 2, 2, 0).healthy());
    }

    @Test
    void aCheckNotReadyOrAnUnhealthyResourceMakesItUnhealthy() {
        assertFalse(status("deployed", 1, 2, 0).healthy());
        assertFalse(status("applied", 2, 2, 1).healthy());
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.run.RunLease.Verdict;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunLeaseTest {
    static final Instant T = Instant.parse("2026-12-03T07:00:00Z");
    static final Duration D = Duration.ofSeconds(15);

    @Test
    void aLeaseWithoutHolderIsFree() {
        assertEquals(Verdict.FREE, new RunLease(null, T, T, D).verdictFor("me", T));
        assertEquals(Verdict.FREE, new RunLease(" ", T, T, D).verdictFor("me", T));
    }

    @Test
    void ourOwnLeaseIsOursEvenWhenItsRenewalIsLate() {
        assertEquals(Verdict.OURS, new RunLease("me", T, T, D).verdictFor("me", T.plus(Duration.ofHours(1))));
    }

    @Test
    void anotherRunsLeaseIsHeldUntilItsRenewalPlusDurationHasPassed() {
        var lease = new RunLease("other", T.minusSeconds(60), T, D);
        assertEquals(Verdict.HELD, lease.verdictFor("me", T));
        assertEquals(Verdict.HELD, lease.verdictFor("me", T.plus(D).minusMillis(1)));
        assertEquals(Verdict.EXPIRED, lease.verdictFor("me", T.plus(D)));
        assertEquals(Verdict.EXPIRED, lease.verdictFor("me", T.plus(D).plusSeconds(5)));
    }

    @Test
    void withoutARenewalTheAcquireTimeCounts() {
        var lease = new RunLease("other", T, null, D);
        assertEquals(Verdict.HELD, lease.verdictFor("me", T.plusSeconds(14)));
        assertEquals(Verdict.EXPIRED, lease.verdictFor("me", T.plusSeconds(15)));
    }

    @Test
    void aHeldLeaseWithoutTimesOrDurationCanBeTakenOver() {
        assertEquals(Verdict.EXPIRED, new RunLease("other", null, null, D).verdictFor("me", T));
        assertEquals(Verdict.EXPIRED, new RunLease("other", T, T, null).verdictFor("me", T));
    }

    @Test
    void onlyAHeldLeaseMayNotBeTaken() {
        assertFalse(Verdict.HELD.mayTake());
        assertTrue(Verdict.FREE.mayTake());
        assertTrue(Verdict.OURS.mayTake());
        assertTrue(Verdict.EXPIRED.mayTake());
    }

    @Test
    void describesWhoseRunAndWhenItStarted() {
        assertEquals("the run of alice@laptop (pid 42) started 2026-12-03T07:00:00Z",
                new RunLease("alice@laptop (pid 42)", T, T, D).describe());
        assertEquals("the run of bob started at an unknown time", new RunLease("bob", null, null, D).describe());
    }

    @Test
    void readsALeaseObject() {
        var lease = new LeaseBuilder().withNewSpec().withHolderIdentity("alice").withAcquireTime(T.atZone(ZoneOffset.UTC))
                .withRenewTime(T.plusSeconds(5).atZone(ZoneOffset.UTC)).withLeaseDurationSeconds(15).endSpec().build();
        assertEquals(new RunLease("alice", T, T.plusSeconds(5), D), RunLock.of(lease));
        var empty = RunLock.of(new LeaseBuilder().withNewSpec().endSpec().build());
        assertNull(empty.duration());
        assertNull(empty.acquired());
        assertNull(empty.renewed());
    }

    @Test
    void theLeaseIsNamedAfterTheProfileAsAValidName() {
        assertEquals("infra-aks-prod", RunLock.name("aks-prod"));
        assertEquals("infra-my-profile", RunLock.name("My_Profile"));
    }
}

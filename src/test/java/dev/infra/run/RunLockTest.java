package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.LockHeldException;
import dev.infra.kube.LeaseStore;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run lock's protocol over a lease store that behaves as the API server does (optimistic concurrency). */
class RunLockTest {
    static final Instant T = Instant.parse("2026-12-03T07:00:00Z");
    static final Duration D = Duration.ofSeconds(15);

    /** One Lease with a resourceVersion; a write with a stale version or a create over an existing one loses. */
    static class FakeStore implements LeaseStore {
        Lease lease;
        int version;
        int reads;
        final List<String> writes = new ArrayList<>();
        Runnable onRead = () -> { };
        RuntimeException failUpdates;

        @Override
        public synchronized Optional<Lease> read() {
            reads++;
            onRead.run();
            return Optional.ofNullable(lease).map(l -> new LeaseBuilder(l).build());
        }

        @Override
        public synchronized boolean create(Lease l) {
            writes.add("create " + l.getSpec().getHolderIdentity());
            if (lease != null) return false;
            store(l);
            return true;
        }

        @Override
        public synchronized boolean update(Lease l) {
            if (failUpdates != null) throw failUpdates;
            writes.add("update " + l.getSpec().getHolderIdentity());
            if (lease == null || !String.valueOf(version).equals(l.getMetadata().getResourceVersion())) return false;
            store(l);
            return true;
        }

        @Override
        public synchronized void delete(Lease l) {
            writes.add("delete " + l.getSpec().getHolderIdentity());
            lease = null;
        }

        synchronized void store(Lease l) {
            lease = new LeaseBuilder(l).editMetadata().withResourceVersion(String.valueOf(++version)).endMetadata().build();
        }

        void heldBy(String holder, Instant renewed) {
            store(new LeaseBuilder().withNewMetadata().withName("infra-ci").endMetadata().withNewSpec().withHolderIdentity(holder)
                    .withAcquireTime(T.minusSeconds(60).atZone(ZoneOffset.UTC)).withRenewTime(renewed.atZone(ZoneOffset.UTC))
                    .withLeaseDurationSeconds(15).endSpec().build());
        }

        String holder() {
            return lease == null ? null : lease.getSpec().getHolderIdentity();
        }
    }

    final FakeStore store = new FakeStore();
    final List<String> messages = new ArrayList<>();

    RunLock lock(String me) {
        return new RunLock(store, "infra-ci", me, D, Clock.fixed(T, ZoneId.of("UTC")));
    }

    @Test
    void aFreeLockIsTakenWithHolderTimesAndDuration() {
        try (var lock = lock("me")) {
            lock.take(false, messages::add, Duration.ZERO);
            assertEquals(List.of("create me"), store.writes);
            var spec = store.lease.getSpec();
            assertEquals("me", spec.getHolderIdentity());
            assertEquals(T, spec.getAcquireTime().toInstant());
            assertEquals(T, spec.getRenewTime().toInstant());
            assertEquals(15, spec.getLeaseDurationSeconds());
            assertEquals("infra-ci", store.lease.getMetadata().getName());
            assertEquals("kube-system", store.lease.getMetadata().getNamespace());
            assertEquals("infra", store.lease.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
            assertDoesNotThrow(lock::confirmHeld);
        }
        assertEquals(null, store.lease, "closing releases it");
    }

    @Test
    void aLockHeldByAnotherRunIsRefusedWithoutWaitingAndLeftAlone() {
        store.heldBy("alice (pid 1)", T.minusSeconds(3));
        var lock = lock("me");
        var e = assertThrows(LockHeldException.class, () -> lock.take(false, messages::add, Duration.ZERO));
        assertEquals("another infra run holds this cluster: the run of alice (pid 1) started 2026-12-03T06:59:00Z (--no-wait)",
                e.getMessage());
        lock.close();
        assertEquals("alice (pid 1)", store.holder(), "closing a lock never taken leaves the other's lease");
        assertEquals(List.of(), store.writes);
    }

    @Test
    void anExpiredLockIsTakenOverWithTheVersionItWasReadAt() {
        store.heldBy("killed", T.minus(D));
        var lock = lock("me");
        lock.take(false, messages::add, Duration.ZERO);
        assertEquals("me", store.holder());
        assertEquals(List.of("update me"), store.writes);
        assertEquals(T, store.lease.getSpec().getAcquireTime().toInstant(), "a takeover starts a new acquire time");
        lock.close();
    }

    @Test
    void aWaitingRunSaysOnceWhoItWaitsForAndTakesTheLockWhenReleased() {
        store.heldBy("alice", T);
        store.onRead = () -> {
            if (store.reads == 6) store.lease = null;
        };
        var lock = lock("me");
        lock.take(true, messages::add, Duration.ofMillis(1));
        assertEquals(List.of("waiting for the run of alice started 2026-12-03T06:59:00Z"), messages);
        assertEquals("me", store.holder());
        lock.close();
    }

    @Test
    void aWaitingRunAsksTheApiServerOncePerPollNotInABusyLoop() {
        store.heldBy("alice", T);
        long releasedAt = System.nanoTime() + Duration.ofMillis(300).toNanos();
        store.onRead = () -> {
            if (System.nanoTime() > releasedAt) store.lease = null;
        };
        var lock = lock("me");
        lock.take(true, messages::add, Duration.ofMillis(100));
        assertTrue(store.reads <= 12, "read " + store.reads + " times in 300 ms");
        assertEquals("me", store.holder());
        lock.close();
    }

    @Test
    void theHolderIsNamedByUserHostAndProcessForWhoeverWaits() {
        String holder = RunLock.holderIdentity();
        assertTrue(holder.startsWith(System.getProperty("user.name") + "@"), holder);
        assertTrue(holder.endsWith(" (pid " + ProcessHandle.current().pid() + ")"), holder);
    }

    @Test
    void aWaitingRunSaysSoWhenTheHolderChanges() {
        store.heldBy("alice", T);
        store.onRead = () -> {
            if (store.reads == 3) store.heldBy("bob", T);
            if (store.reads == 6) store.lease = null;
        };
        var lock = lock("me");
        lock.take(true, messages::add, Duration.ofMillis(1));
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(1).startsWith("waiting for the run of bob"), messages.toString());
        lock.close();
    }

    @Test
    void aRunThatLosesTheRaceToCreateTheLockReadsItAgain() {
        var racing = new FakeStore() {
            @Override
            public synchronized boolean create(Lease l) {
                heldBy("faster", T);
                return super.create(l);
            }
        };
        var lock = new RunLock(racing, "infra-ci", "me", D, Clock.fixed(T, ZoneId.of("UTC")));
        var e = assertThrows(LockHeldException.class, () -> lock.take(false, messages::add, Duration.ZERO));
        assertTrue(e.getMessage().contains("the run of faster"), e.getMessage());
        assertEquals("faster", racing.holder());
    }

    @Test
    void aRunThatLosesTheRaceToTakeOverAnExpiredLockReadsItAgain() {
        var racing = new FakeStore() {
            @Override
            public synchronized boolean update(Lease l) {
                heldBy("faster", T);
                return super.update(l);
            }
        };
        racing.heldBy("killed", T.minus(D));
        var lock = new RunLock(racing, "infra-ci", "me", D, Clock.fixed(T, ZoneId.of("UTC")));
        var e = assertThrows(LockHeldException.class, () -> lock.take(false, messages::add, Duration.ZERO));
        assertTrue(e.getMessage().contains("the run of faster"), e.getMessage());
        assertEquals("faster", racing.holder());
    }

    @Test
    void renewingMovesTheRenewTimeAndALostLockIsNoticed() {
        var clock = new MutableClock();
        var lock = new RunLock(store, "infra-ci", "me", D, clock);
        lock.take(false, messages::add, Duration.ZERO);
        clock.now = T.plusSeconds(5);
        lock.renew();
        assertEquals(T.plusSeconds(5), store.lease.getSpec().getRenewTime().toInstant());
        assertEquals(T, store.lease.getSpec().getAcquireTime().toInstant());
        assertDoesNotThrow(lock::confirmHeld);

        store.heldBy("next", T.plusSeconds(30));
        lock.renew();
        var e = assertThrows(LockHeldException.class, lock::confirmHeld);
        assertEquals("this run lost its lock to the run of next started 2026-12-03T06:59:00Z", e.getMessage());
        lock.close();
        assertEquals("next", store.holder(), "closing a lost lock leaves the new holder's lease");
    }

    @Test
    void theHolderRenewsEveryThirdOfTheDurationUntilItLosesTheLock() throws Exception {
        var lock = new RunLock(store, "infra-ci", "me", Duration.ofMillis(3000), Clock.systemUTC());
        lock.take(false, messages::add, Duration.ZERO);
        Instant acquired = store.lease.getSpec().getAcquireTime().toInstant();
        Thread.sleep(1500);
        assertTrue(store.lease.getSpec().getRenewTime().toInstant().isAfter(acquired), "renewed within half the duration");
        store.heldBy("next", Instant.now());
        Thread.sleep(1500);
        int reads = store.reads;
        Thread.sleep(1500);
        assertEquals(reads, store.reads, "a lost lock is no longer renewed");
        assertThrows(LockHeldException.class, lock::confirmHeld);
        lock.close();
    }

    @Test
    void aRenewalThatFailsOnTheApiKeepsTheLock() {
        var lock = lock("me");
        lock.take(false, messages::add, Duration.ZERO);
        store.failUpdates = new KubernetesClientException("etcdserver: request timed out");
        lock.renew();
        assertDoesNotThrow(lock::confirmHeld);
        store.lease = null;
        lock.renew();
        assertThrows(LockHeldException.class, lock::confirmHeld, "a deleted lease is a lost lock");
        lock.close();
    }

    static final class MutableClock extends Clock {
        Instant now = T;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

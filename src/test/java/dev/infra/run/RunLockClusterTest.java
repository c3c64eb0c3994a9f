package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.LockHeldException;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time per cluster and profile, through a Lease on a real API server. */
@KubeTest
class RunLockClusterTest {
    static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();
    static final Duration POLL = Duration.ofMillis(100);

    @Test
    void aSecondRunWaitsUntilTheFirstReleasesTheLockOrFailsWithoutWaiting(TestNamespace ns) throws Exception {
        var first = new RunLock(ns.client(), ns.name(), "first", Duration.ofSeconds(2));
        first.take(false, message -> { }, POLL);
        var second = new RunLock(ns.client(), ns.name(), "second", Duration.ofSeconds(2));
        var refused = assertThrows(LockHeldException.class, () -> second.take(false, message -> { }, POLL));
        assertTrue(refused.getMessage().startsWith("another infra run holds this cluster: the run of first started "), refused.getMessage());

        var messages = new CopyOnWriteArrayList<String>();
        var waiting = CompletableFuture.runAsync(() -> second.take(true, messages::add, POLL));
        Thread.sleep(3000);
        assertFalse(waiting.isDone(), "the first run renews its lock, so the second one waits past the lease's duration");
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("waiting for the run of first started 20"), messages.toString());
        first.close();
        waiting.get(5, TimeUnit.SECONDS);
        second.confirmHeld();
        second.close();
        assertNull(ns.client().leases().inNamespace(RunLock.NAMESPACE).withName(RunLock.name(ns.name())).get(), "released");
    }

    @Test
    void aLeaseNoLongerRenewedIsTakenOverAndItsFormerHolderKnowsItLostIt(TestNamespace ns) throws Exception {
        var stalled = new RunLock(ns.client(), ns.name(), "stalled", Duration.ofSeconds(1));
        stalled.take(false, message -> { }, POLL);
        // as a killed run leaves it: held, renewed long enough ago
        ns.client().leases().inNamespace(RunLock.NAMESPACE).withName(RunLock.name(ns.name())).edit(lease -> {
            lease.getSpec().setHolderIdentity("killed");
            lease.getSpec().setRenewTime(Instant.now().minusSeconds(5).atZone(ZoneOffset.UTC));
            return lease;
        });
        var next = new RunLock(ns.client(), ns.name(), "next", Duration.ofSeconds(15));
        next.take(false, message -> { }, POLL);
        Thread.sleep(1000);
        var lost = assertThrows(LockHeldException.class, stalled::confirmHeld);
        assertTrue(lost.getMessage().startsWith("this run lost its lock to the run of next started "), lost.getMessage());
        stalled.close();
        assertEquals("next", ns.client().leases().inNamespace(RunLock.NAMESPACE).withName(RunLock.name(ns.name())).get()
                .getSpec().getHolderIdentity(), "closing a lost lock leaves the new holder's lease");
        next.close();
    }

    static Path userFile(Path dir, TestNamespace ns) throws IOException {
        return Files.writeString(dir.resolve("infra.yaml"), """
                profile: ci
                components:
                  stuck:
                    source: {path: %1$s/stuck}
                    namespace: %2$s
                    timeout: 3m
                  greeter:
                    source: {path: %1$s/hello}
                    namespace: %2$s
                """.formatted(CHARTS, ns.name()));
    }

    /** infra up of the stuck component in a process of its own, once it holds the lock and waits for readiness. */
    static InfraProcess holdingTheLock(TestNamespace ns, Path dir, Path file) throws Exception {
        var up = InfraProcess.start(dir, Map.of("INFRA_HELM", Testbin.binary("helm").toString()), "up", "-f", file.toString(),
                "--only", "stuck", "--kubeconfig", ns.kubeconfig().toString());
        try {
            // a JVM's start and the capacity check's helm template take a while on a busy machine
            InfraProcess.await("installing", Duration.ofSeconds(120), () -> ns.client().apps().deployments().withName("stuck").get() != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; infra up said:\n" + up.output(), e);
        }
        return up;
    }

    @Test
    void aSecondInfraUpWaitsForTheRunningOneOrExitsOneWithNoWait(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = userFile(dir, ns);
        try (var first = holdingTheLock(ns, dir, file)) {
            var refused = UpCommandTest.infra(ns.kubeconfig(), "up", "--no-wait", "-f", file.toString(), "--only", "greeter");
            assertEquals(1, refused.code(), refused.all());
            assertTrue(refused.err().startsWith("infra: error: another infra run holds this cluster: the run of ")
                    && refused.err().contains("(pid " + first.process().pid() + ") started "), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertNull(ns.client().apps().deployments().withName("greeter").get(), "the refused run installed nothing");

            var waiting = CompletableFuture.supplyAsync(() -> UpCommandTest.infra(ns.kubeconfig(), "up", "-f", file.toString(),
                    "--only", "greeter"));
            Thread.sleep(3000);
            assertFalse(waiting.isDone());
            assertNull(ns.client().apps().deployments().withName("greeter").get(), "the waiting run installed nothing yet");
            first.signal("INT");
            assertTrue(first.exitsWithin(Duration.ofSeconds(10)), first.output());
            var second = waiting.get(2, TimeUnit.MINUTES);
            assertEquals(0, second.code(), second.all());
            assertTrue(second.err().contains("infra: waiting for the run of "), second.err());
        }
    }

    @Test
    void theLockOfAKilledRunExpiresByItself(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = userFile(dir, ns);
        try (var killed = holdingTheLock(ns, dir, file)) {
            killed.kill();
        }
        var refused = UpCommandTest.infra(ns.kubeconfig(), "up", "--no-wait", "-f", file.toString(), "--only", "greeter");
        assertEquals(1, refused.code(), "the lease is still fresh: " + refused.all());
        Instant start = Instant.now();
        var next = UpCommandTest.infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "greeter");
        assertEquals(0, next.code(), next.all());
        assertTrue(next.err().contains("infra: waiting for the run of "), next.err());
        assertTrue(Duration.between(start, Instant.now()).compareTo(RunLock.DURATION.plusSeconds(20)) < 0,
                "took " + Duration.between(start, Instant.now()));
    }

    @Test
    void downTakesTheSameLock(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = userFile(dir, ns);
        try (var first = holdingTheLock(ns, dir, file)) {
            var refused = UpCommandTest.infra(ns.kubeconfig(), "down", "--yes", "--no-wait", "-f", file.toString(), "--only", "greeter");
            assertEquals(1, refused.code(), refused.all());
            assertTrue(refused.err().contains("another infra run holds this cluster"), refused.err());
        }
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.helm.HelmException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures are tried again, how often, after which pauses, and what the notes say. */
class RetryTest {
    final List<Duration> pauses = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final Retry retry = new Retry(4, Duration.ofSeconds(1), pauses::add);

    @Test
    void aTransientFailureIsTriedAgainWithDoublingPauses() {
        String result = retry.run("apply", () -> {
            if (calls.incrementAndGet() < 4) throw new KubernetesClientException("unavailable", 503, null);
            return "done";
        }, notes::add);
        assertEquals("done", result);
        assertEquals(4, calls.get());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
        assertEquals(List.of("apply failed (unavailable); retry 1 of 3 in 1s", "apply failed (unavailable); retry 2 of 3 in 2s",
                "apply failed (unavailable); retry 3 of 3 in 4s"), notes);
    }

    @Test
    void theLastAttemptsFailureIsThrownAfterExactlyTheAttemptsAllowed() {
        var last = new KubernetesClientException("unavailable", 503, null);
        var thrown = assertThrows(KubernetesClientException.class, () -> retry.run("apply", () -> {
            calls.incrementAndGet();
            throw last;
        }, notes::add));
        assertSame(last, thrown);
        assertEquals(4, calls.get());
        assertEquals(3, pauses.size());
    }

    @Test
    void aFailureThatDoesNotGoAwayByItselfFailsAtOnce() {
        assertThrows(KubernetesClientException.class, () -> retry.run("apply", () -> {
            calls.incrementAndGet();
            throw new KubernetesClientException("forbidden", 403, null);
        }, notes::add));
        assertEquals(1, calls.get());
        assertEquals(List.of(), pauses);
        assertEquals(List.of(), notes);
    }

    @Test
    void aHelmFailureIsQuotedByTheLastLineOfItsOutput() {
        retry.run("helm upgrade", () -> {
            if (calls.incrementAndGet() == 1) throw new HelmException("helm upgrade", 1, "first line\nError: connection reset by peer\n");
        }, notes::add);
        assertEquals(2, calls.get());
        assertEquals(List.of("helm upgrade failed (Error: connection reset by peer); retry 1 of 3 in 1s"), notes);
    }

    @Test
    void aFailureWithoutMessageIsQuotedByItsType() {
        retry.run("read", () -> {
            if (calls.incrementAndGet() == 1) throw new KubernetesClientException("", 502, null);
        }, notes::add);
        assertEquals(List.of("read failed (KubernetesClientException); retry 1 of 3 in 1s"), notes);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThrows(KubernetesClientException.class, () -> new Retry(1, Duration.ofSeconds(1), pauses::add).run("apply", () -> {
            calls.incrementAndGet();
            throw new KubernetesClientException("unavailable", 503, null);
        }, notes::add));
        assertEquals(1, calls.get());
    }

    @Test
    void anInterruptDuringThePauseEndsTheRetryAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            var e = assertThrows(IllegalStateException.class, () -> new Retry(3, Duration.ofSeconds(5)).run("apply", () -> {
                calls.incrementAndGet();
                throw new KubernetesClientException("unavailable", 503, null);
            }, notes::add));
            assertEquals("interrupted", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
            assertEquals(1, calls.get());
        } finally {
            Thread.interrupted();
        }
    }
}

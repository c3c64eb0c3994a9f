package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a step's end is reported: which results count as success, and a failure's masked detail. */
class StepOutcomeTest {
    @Test
    void installedAndUnchangedAreSuccessesFailedAndSkippedAreNot() {
        assertTrue(StepOutcome.Result.INSTALLED.ok());
        assertTrue(StepOutcome.Result.UNCHANGED.ok());
        assertFalse(StepOutcome.Result.FAILED.ok());
        assertFalse(StepOutcome.Result.SKIPPED.ok());
    }

    @Test
    void aFailureKeepsItsCauseAndShowsItsMessageMasked() {
        var mask = new SecretMask();
        mask.add("Kq7vXw2mPz9r");
        var cause = new IllegalStateException("login failed for password Kq7vXw2mPz9r");
        var outcome = StepOutcome.failed("db", Duration.ofSeconds(3), cause, mask);
        assertEquals(new StepOutcome("db", StepOutcome.Result.FAILED, Duration.ofSeconds(3),
                "login failed for password ******", cause), outcome);
        assertSame(cause, outcome.failure());
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        var outcome = StepOutcome.failed("db", Duration.ZERO, new NullPointerException(), new SecretMask());
        assertEquals("NullPointerException", outcome.detail());
    }
}

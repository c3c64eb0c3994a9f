package dev.infra.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What cannot get better by waiting exits 1; only a wait that ran out of time exits 4. */
class ExitCodesTest {

    @Test
    void componentThatFailedForGoodIsAFailureNotATimeout() {
        assertEquals(ExitCodes.FAILURE, ExitCodes.of(new ComponentFailedException("migrate failed: Job migrate: job failed")));
        assertEquals(ExitCodes.TIMEOUT, ExitCodes.of(new ReadinessTimeoutException("web not ready after 5s")));
    }

    @Test
    void aProfileThatDoesNotFitHasAnExitCodeOfItsOwn() {
        assertEquals(ExitCodes.DOES_NOT_FIT, ExitCodes.of(new CapacityException("profile 'minikube' does not fit")));
        assertEquals(7, ExitCodes.DOES_NOT_FIT);
    }
}

package dev.infra.run;

import java.time.Duration;

/**
 * How one component's step ended.
 *
 * @param failure the cause when {@code result} is FAILED, for the exit code; null otherwise
 */
public record StepOutcome(String component, Result result, Duration took, String detail, Throwable failure) {

    public enum Result {
        INSTALLED, UNCHANGED, FAILED, SKIPPED;

        public boolean ok() {
            return this == INSTALLED || this == UNCHANGED;
        }
    }

    static StepOutcome failed(String component, Duration took, Throwable failure, SecretMask mask) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new StepOutcome(component, Result.FAILED, took, mask.apply(message), failure);
    }
}

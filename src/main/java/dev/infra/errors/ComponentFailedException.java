package dev.infra.errors;

/**
 * A component cannot become ready however long one waits (a Job failed, a volume is lost, a
 * rollout exceeded its progress deadline); the message carries the diagnosis.
 */
public class ComponentFailedException extends RuntimeException {
    public ComponentFailedException(String message) {
        super(message);
    }
}

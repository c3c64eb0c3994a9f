package dev.infra.errors;

/** A component did not become ready within its timeout; the message carries the diagnosis. */
public class ReadinessTimeoutException extends RuntimeException {
    public ReadinessTimeoutException(String message) {
        super(message);
    }
}

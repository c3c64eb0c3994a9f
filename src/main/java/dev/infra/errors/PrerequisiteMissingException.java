package dev.infra.errors;

/** A program infra runs (helm) is not installed or not usable. */
public class PrerequisiteMissingException extends RuntimeException {
    public PrerequisiteMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}

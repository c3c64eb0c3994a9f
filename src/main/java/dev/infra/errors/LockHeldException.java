package dev.infra.errors;

/** Another infra run holds the cluster's lock for this profile, and the user asked not to wait. */
public class LockHeldException extends RuntimeException {
    public LockHeldException(String message) {
        super(message);
    }
}

package dev.infra.errors;

/** The profile's pods request more than the cluster's nodes have free: nothing was installed. */
public class CapacityException extends RuntimeException {
    public CapacityException(String message) {
        super(message);
    }
}

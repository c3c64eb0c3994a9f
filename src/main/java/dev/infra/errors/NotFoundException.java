package dev.infra.errors;

/** Something the user asked for is not in the cluster (a secret, an ingress, a service). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

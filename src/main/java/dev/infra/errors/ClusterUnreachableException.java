package dev.infra.errors;

/** The API server of the chosen kube context cannot be reached (or the kubeconfig is unusable). */
public class ClusterUnreachableException extends RuntimeException {
    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

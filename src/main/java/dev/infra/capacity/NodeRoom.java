package dev.infra.capacity;

/**
 * A node as the capacity check sees it.
 *
 * @param allocatable what the node offers pods (its status.allocatable)
 * @param used        what pods outside the profile's namespaces already request on it (kube-system's, an ingress controller's)
 * @param diskBytes   its ephemeral-storage, where local volumes of minikube, kind and k3s live; 0 when not reported
 */
public record NodeRoom(String name, Resources allocatable, Resources used, long diskBytes) {

    public Resources free() {
        return allocatable.minus(used);
    }
}

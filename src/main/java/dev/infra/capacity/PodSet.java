package dev.infra.capacity;

/**
 * Pods a component would run, all alike: a Deployment's replicas, a StatefulSet's, the pods an
 * operator makes from a custom resource.
 *
 * @param workload     what makes them, e.g. {@code StatefulSet/loki}
 * @param replicas     how many; for a DaemonSet, one per node ({@code perNode})
 * @param pod          what each pod requests
 * @param storageBytes what their claims request in all (every replica's)
 */
public record PodSet(String component, String workload, int replicas, boolean perNode, Resources pod, long storageBytes) {

    /** The requests of all of them on {@code nodes} nodes. */
    public Resources total(int nodes) {
        return pod.times(perNode ? nodes : replicas);
    }
}

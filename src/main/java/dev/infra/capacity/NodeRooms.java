package dev.infra.capacity;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cluster's schedulable nodes, with what pods outside the profile already request on each. */
public final class NodeRooms {
    private NodeRooms() {
    }

    /**
     * Pods in {@code profileNamespaces} are not counted as used: on a rerun they are the profile's
     * own, already in its requests. Cordoned nodes and nodes tainted NoSchedule (control planes)
     * take none of its pods.
     */
    public static List<NodeRoom> of(KubernetesClient client, Set<String> profileNamespaces) {
        List<Pod> others = client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getSpec().getNodeName() != null && !profileNamespaces.contains(p.getMetadata().getNamespace()))
                .filter(p -> !"Succeeded".equals(p.getStatus().getPhase()) && !"Failed".equals(p.getStatus().getPhase()))
                .toList();
        return client.nodes().list().getItems().stream().filter(NodeRooms::schedulable)
                .map(n -> room(client, n, others)).toList();
    }

    private static boolean schedulable(Node node) {
        if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) return false;
        var taints = node.getSpec().getTaints();
        return taints == null || taints.stream().noneMatch(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()));
    }

    private static NodeRoom room(KubernetesClient client, Node node, List<Pod> others) {
        String name = node.getMetadata().getName();
        var allocatable = node.getStatus().getAllocatable() == null ? Map.<String, Object>of() : Map.<String, Object>copyOf(node.getStatus().getAllocatable());
        Resources used = others.stream().filter(p -> name.equals(p.getSpec().getNodeName()))
                .map(p -> RenderedPods.podRequests(client.getKubernetesSerialization().convertValue(p.getSpec(), Map.class)))
                .reduce(Resources.NONE, Resources::plus);
        return new NodeRoom(name, new Resources(Resources.cpu(allocatable.get("cpu")), Resources.bytes(allocatable.get("memory"))),
                used, Resources.bytes(allocatable.get("ephemeral-storage")));
    }
}

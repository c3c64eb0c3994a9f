package dev.infra.capacity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether what a profile would run fits on the nodes: the sum of its requests within the sum
 * of what the nodes have free, and each pod on some node beside the DaemonSets' pods.
 */
public final class CapacityCheck {
    private CapacityCheck() {
    }

    /** {@code needs}: each planned component's needs (what must go with it when it is disabled). */
    public static CapacityReport evaluate(String profile, List<PodSet> pods, List<NodeRoom> nodes, Map<String, List<String>> needs) {
        Resources requested = pods.stream().map(p -> p.total(nodes.size())).reduce(Resources.NONE, Resources::plus);
        Resources free = nodes.stream().map(NodeRoom::free).reduce(Resources.NONE, Resources::plus);
        Resources used = nodes.stream().map(NodeRoom::used).reduce(Resources.NONE, Resources::plus);
        Resources perNode = pods.stream().filter(PodSet::perNode).map(PodSet::pod).reduce(Resources.NONE, Resources::plus);
        List<PodSet> homeless = pods.stream()
                .filter(p -> !p.perNode() && p.replicas() > 0)
                .filter(p -> nodes.stream().noneMatch(n -> p.pod().plus(perNode).fitsIn(n.free())))
                .sorted(Comparator.comparingLong((PodSet p) -> p.pod().memoryBytes()).reversed())
                .toList();
        long storage = pods.stream().mapToLong(PodSet::storageBytes).sum();
        long disk = nodes.stream().mapToLong(NodeRoom::diskBytes).sum();
        return new CapacityReport(profile, nodes.size(), requested, free, used, homeless, byComponent(pods, nodes.size()), needs,
                storage, disk);
    }

    /** Each component's requests, largest first. */
    private static Map<String, Resources> byComponent(List<PodSet> pods, int nodes) {
        var totals = new LinkedHashMap<String, Resources>();
        pods.forEach(p -> totals.merge(p.component(), p.total(nodes), Resources::plus));
        var sorted = new LinkedHashMap<String, Resources>();
        totals.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Resources> e) -> e.getValue().memoryBytes()).reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}

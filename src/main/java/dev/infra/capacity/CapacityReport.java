package dev.infra.capacity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link CapacityCheck} found, and what to say about it.
 *
 * @param requested   what the profile's pods request in all (DaemonSets once per node)
 * @param free        what the nodes have left for them
 * @param used        what other pods already request on the nodes
 * @param homeless    pod sets whose pod fits on no node
 * @param byComponent each component's requests, largest memory first
 * @param needs       each planned component's needs, so that advice to disable one names what needs it too
 */
public record CapacityReport(String profile, int nodes, Resources requested, Resources free, Resources used,
                             List<PodSet> homeless, Map<String, Resources> byComponent, Map<String, List<String>> needs,
                             long storageBytes, long diskBytes) {
    private static final long GI = 1L << 30;

    public boolean fits() {
        return requested.fitsIn(free) && homeless.isEmpty();
    }

    public Resources shortBy() {
        return new Resources(Math.max(0, requested.cpuMillis() - free.cpuMillis()), Math.max(0, requested.memoryBytes() - free.memoryBytes()));
    }

    /** One line: the totals, and where the profile is too big, by how much and what to do. */
    public String message() {
        String totals = "the profile's pods request " + requested + "; " + nodes + (nodes == 1 ? " node has " : " nodes have ")
                + free + " free";
        if (fits()) return totals + storage();
        var parts = new ArrayList<String>();
        if (!requested.fitsIn(free)) parts.add(shortBy() + " short");
        homeless.stream().limit(3).forEach(p -> parts.add(p.workload() + " (" + p.component() + ", " + p.pod() + " a pod) fits on no node"));
        return "profile '" + profile + "' does not fit: " + totals + " (" + String.join("; ", parts) + "); " + advice() + storage();
    }

    /** minikube's flags where that is the profile, else the components whose requests would make room. */
    String advice() {
        String disable = "or in infra.yaml " + disable();
        if (!"minikube".equals(profile)) return "add nodes, " + disable;
        // what the profile and the pods already there request, at least minikube's minimum of 2 CPUs;
        // 1Gi more for the node's own system (kubelet, container runtime), which allocatable leaves out
        Resources whole = requested.plus(used);
        long cpus = Math.max(2, (whole.cpuMillis() + 999) / 1000);
        long gib = (whole.memoryBytes() + GI - 1) / GI + 1;
        return "recreate minikube with room for it (minikube delete; minikube start --cpus " + cpus + " --memory " + gib + "g), " + disable;
    }

    /** {@code disable: [...]} of the biggest components and of what needs them, which would fail without them. */
    String disable() {
        var names = new LinkedHashSet<String>();
        var biggest = biggest();
        biggest.forEach(name -> names.addAll(withDependents(name)));
        return "disable: [" + String.join(", ", names) + "] ("
                + String.join("; ", biggest.stream().map(n -> n + " requests " + byComponent.get(n)).toList()) + ")";
    }

    private Set<String> withDependents(String component) {
        var all = new LinkedHashSet<>(List.of(component));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var e : needs.entrySet()) {
                if (!all.contains(e.getKey()) && e.getValue().stream().anyMatch(all::contains)) grew |= all.add(e.getKey());
            }
        }
        return all;
    }

    /**
     * The components with the largest requests, as many as would cover the shortfall; when only
     * single pods are too big, theirs.
     */
    List<String> biggest() {
        if (requested.fitsIn(free)) return homeless.stream().map(PodSet::component).distinct().toList();
        Resources missing = shortBy();
        var names = new ArrayList<String>();
        Resources freed = Resources.NONE;
        for (var e : byComponent.entrySet().stream().sorted((a, b) -> Double.compare(weight(b.getValue(), missing),
                weight(a.getValue(), missing))).toList()) {
            if (missing.fitsIn(freed) && !names.isEmpty()) break;
            if (weight(e.getValue(), missing) == 0) break;
            names.add(e.getKey());
            freed = freed.plus(e.getValue());
        }
        return names;
    }

    /** How much of what is missing a component's requests would free. */
    private static double weight(Resources r, Resources missing) {
        double cpu = missing.cpuMillis() == 0 ? 0 : (double) r.cpuMillis() / missing.cpuMillis();
        double memory = missing.memoryBytes() == 0 ? 0 : (double) r.memoryBytes() / missing.memoryBytes();
        return cpu + memory;
    }

    private String storage() {
        if (storageBytes == 0) return "";
        String claims = "; claims request " + Resources.memory(storageBytes) + " of storage";
        return diskBytes > 0 && storageBytes > diskBytes ? claims + ", more than the nodes' " + Resources.memory(diskBytes) + " of disk" : claims;
    }
}

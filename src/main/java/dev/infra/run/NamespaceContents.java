package dev.infra.run;

import dev.infra.kube.ClusterObjects;
import dev.infra.kube.ObjectRef;
import java.util.List;
import java.util.Set;

/**
 * What keeps {@code infra down --delete-data} from deleting a namespace: anything left in it
 * that someone would miss, workloads infra never installed included. Not counted: what
 * Kubernetes makes in every namespace, events and endpoints (they follow Services), leases (the
 * leader-election records of controllers, which outlive them), objects on their way out, and
 * objects with an owner (their owner counts).
 */
final class NamespaceContents {
    private static final Set<String> DERIVED_KINDS = Set.of("Event", "Endpoints", "EndpointSlice", "Lease");
    private static final int NAMED = 3;

    private NamespaceContents() {
    }

    /** The objects that keep the namespace, as "Kind name"; empty when it may be deleted. */
    static List<String> blockers(List<ClusterObjects.Found> entries) {
        return entries.stream()
                .filter(e -> !e.owned() && !e.deleting())
                .map(ClusterObjects.Found::ref)
                .filter(ref -> !DERIVED_KINDS.contains(ref.kind()) && !madeForEveryNamespace(ref))
                .map(ref -> ref.kind() + " " + ref.name())
                .toList();
    }

    /** The first few blockers by name, then how many more. */
    static String summary(List<String> blockers) {
        String named = String.join(", ", blockers.subList(0, Math.min(NAMED, blockers.size())));
        return blockers.size() > NAMED ? named + " and " + (blockers.size() - NAMED) + " more" : named;
    }

    private static boolean madeForEveryNamespace(ObjectRef ref) {
        return ref.kind().equals("ServiceAccount") && ref.name().equals("default")
                || ref.kind().equals("ConfigMap") && ref.name().equals("kube-root-ca.crt");
    }
}

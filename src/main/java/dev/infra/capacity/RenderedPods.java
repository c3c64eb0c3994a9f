package dev.infra.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The pods a component's rendered YAML (helm template output, or its manifests) would run, and
 * the storage its claims request. Hooks, Jobs and CronJobs are left out: their pods come and go.
 */
public final class RenderedPods {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private RenderedPods() {
    }

    public static List<PodSet> of(String component, String yaml) {
        var pods = new ArrayList<PodSet>();
        for (Map<?, ?> object : objects(yaml)) {
            if (Fields.map(object, "metadata.annotations").containsKey("helm.sh/hook")) continue;
            pods.addAll(of(component, object));
        }
        return pods;
    }

    private static List<PodSet> of(String component, Map<?, ?> object) {
        String kind = Fields.string(object, "kind");
        String workload = kind + "/" + Fields.string(object, "metadata.name");
        return switch (kind) {
            case "Deployment", "ReplicaSet" -> List.of(new PodSet(component, workload, Fields.count(object, "spec.replicas", 1),
                    false, podRequests(Fields.at(object, "spec.template.spec")), 0));
            case "StatefulSet" -> List.of(statefulSet(component, workload, object));
            case "DaemonSet" -> List.of(new PodSet(component, workload, 1, true, podRequests(Fields.at(object, "spec.template.spec")), 0));
            case "Pod" -> List.of(new PodSet(component, workload, 1, false, podRequests(Fields.at(object, "spec")), 0));
            case "PersistentVolumeClaim" -> List.of(new PodSet(component, workload, 0, false, Resources.NONE,
                    Fields.storage(object, "spec.resources.requests.storage")));
            default -> OperatorPods.of(component, object);
        };
    }

    private static PodSet statefulSet(String component, String workload, Map<?, ?> object) {
        int replicas = Fields.count(object, "spec.replicas", 1);
        long perReplica = Fields.list(object, "spec.volumeClaimTemplates").stream()
                .mapToLong(t -> Fields.storage(t, "spec.resources.requests.storage")).sum();
        return new PodSet(component, workload, replicas, false, podRequests(Fields.at(object, "spec.template.spec")),
                perReplica * replicas);
    }

    /**
     * What the scheduler reserves for a pod: its containers and sidecars (init containers that
     * keep running) together, or its largest init container with the sidecars, whichever is more.
     */
    static Resources podRequests(Object podSpec) {
        Resources running = sum(Fields.list(podSpec, "containers"));
        Resources sidecars = Resources.NONE;
        Resources init = Resources.NONE;
        for (Object container : Fields.list(podSpec, "initContainers")) {
            Resources requests = Resources.requestsOf(Fields.at(container, "resources"));
            if ("Always".equals(Fields.string(container, "restartPolicy"))) {
                sidecars = sidecars.plus(requests);
            } else {
                init = init.max(requests);
            }
        }
        return running.plus(sidecars).max(init.plus(sidecars));
    }

    private static Resources sum(List<?> containers) {
        return containers.stream().map(c -> Resources.requestsOf(Fields.at(c, "resources"))).reduce(Resources.NONE, Resources::plus);
    }

    private static List<Map<?, ?>> objects(String yaml) {
        var objects = new ArrayList<Map<?, ?>>();
        try (var docs = YAML.readerFor(Map.class).readValues(yaml)) {
            while (docs.hasNext()) {
                Object doc = docs.next();
                if (doc instanceof Map<?, ?> map && map.get("kind") != null) objects.add(map);
            }
        }
        return objects;
    }
}

package dev.infra.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods operators make from the custom resources the catalog creates, read from the
 * resources' specs, with each operator's own default where the spec says nothing. Other kinds
 * run no pods of their own (or none this check knows of).
 */
final class OperatorPods {
    private OperatorPods() {
    }

    static List<PodSet> of(String component, Map<?, ?> object) {
        String group = String.valueOf(object.get("apiVersion")).replaceFirst("/.*", "");
        String workload = object.get("kind") + "/" + Fields.string(object, "metadata.name");
        return switch (group + "/" + object.get("kind")) {
            case "monitoring.coreos.com/Prometheus" -> List.of(prometheus(component, workload, object));
            case "monitoring.coreos.com/Alertmanager" -> List.of(alertmanager(component, workload, object));
            case "postgres-operator.crunchydata.com/PostgresCluster" -> postgresCluster(component, workload, object);
            case "k8s.keycloak.org/Keycloak" -> List.of(keycloak(component, workload, object));
            default -> List.of();
        };
    }

    /**
     * prometheus-operator v0.93 (prometheus-operator/prometheus-operator@6adcebc,
     * pkg/prometheus/common.go: ReplicasNumberPtr and shardsNumber): replicas and shards default
     * to 1, one StatefulSet per shard; spec.resources as given, no default request. The
     * config-reloader sidecar's own default (10m, 50Mi: cmd/operator/main.go) is left out:
     * kube-prometheus-stack passes --config-reloader-*-request=0 unless its values set them.
     */
    private static PodSet prometheus(String component, String workload, Map<?, ?> p) {
        int pods = Math.max(1, Fields.count(p, "spec.replicas", 1)) * Math.max(1, Fields.count(p, "spec.shards", 1));
        return new PodSet(component, workload, pods, false, Resources.requestsOf(Fields.at(p, "spec.resources")),
                pods * Fields.storage(p, "spec.storage.volumeClaimTemplate.spec.resources.requests.storage"));
    }

    /**
     * Same operator, pkg/alertmanager/statefulset.go (makeStatefulSet): replicas default to 1 and
     * a memory request of 200Mi is added when spec.resources.requests has none.
     */
    private static PodSet alertmanager(String component, String workload, Map<?, ?> a) {
        int pods = Math.max(0, Fields.count(a, "spec.replicas", 1));
        Resources requests = Resources.requestsOf(Fields.at(a, "spec.resources"));
        if (!Fields.map(a, "spec.resources.requests").containsKey("memory")) {
            requests = new Resources(requests.cpuMillis(), Resources.bytes("200Mi"));
        }
        return new PodSet(component, workload, pods, false, requests,
                pods * Fields.storage(a, "spec.storage.volumeClaimTemplate.spec.resources.requests.storage"));
    }

    /**
     * Crunchy PGO v5.8.9 (CrunchyData/postgres-operator@cee626d) sets no requests of its own. Per
     * instance set, internal/postgres/reconcile.go (InstancePod): the database container (and its
     * postgres-startup init container) takes instances[].resources, replication-cert-copy
     * instances[].sidecars.replicaCertCopy.resources; internal/pgbackrest/reconcile.go adds the
     * pgbackrest sidecar (backups.pgbackrest.sidecars.pgbackrest.resources). replicas defaults
     * to 1 (the CRD's +kubebuilder:default=1). A repo with a volume gets the repo host pod
     * (backups.pgbackrest.repoHost.resources), one for the cluster.
     */
    private static List<PodSet> postgresCluster(String component, String workload, Map<?, ?> pg) {
        var pods = new ArrayList<PodSet>();
        Resources backrestSidecar = Resources.requestsOf(Fields.at(pg, "spec.backups.pgbackrest.sidecars.pgbackrest.resources"));
        for (Object set : Fields.list(pg, "spec.instances")) {
            int replicas = Fields.count(set, "replicas", 1);
            Resources pod = Resources.requestsOf(Fields.at(set, "resources"))
                    .plus(Resources.requestsOf(Fields.at(set, "sidecars.replicaCertCopy.resources"))).plus(backrestSidecar);
            long storage = Fields.storage(set, "dataVolumeClaimSpec.resources.requests.storage")
                    + Fields.storage(set, "walVolumeClaimSpec.resources.requests.storage");
            String name = Fields.string(set, "name");
            pods.add(new PodSet(component, workload + " instances " + (name == null ? "00" : name), replicas, false, pod, replicas * storage));
        }
        var repos = Fields.list(pg, "spec.backups.pgbackrest.repos").stream().filter(r -> Fields.at(r, "volume") != null).toList();
        if (!repos.isEmpty()) {
            long storage = repos.stream().mapToLong(r -> Fields.storage(r, "volume.volumeClaimSpec.resources.requests.storage")).sum();
            pods.add(new PodSet(component, workload + " repo host", 1, false,
                    Resources.requestsOf(Fields.at(pg, "spec.backups.pgbackrest.repoHost.resources")), storage));
        }
        return pods;
    }

    /**
     * Keycloak operator 26: instances default to 1 (the CRD), and where spec.resources sets no
     * memory request the operator requests 1700Mi (limit 2Gi): the operator's
     * kc.operator.keycloak.resources.requests.memory in operator/src/main/resources/application.properties,
     * documented since 24.0 (section "Keycloak CR resources options": requests memory 1700MiB, limits
     * memory 2GiB where the CR sets none; Red Hat build of Keycloak 24.0 upgrading guide,
     * https://docs.redhat.com/en/documentation/red_hat_build_of_keycloak/24.0/html/upgrading_guide/keycloak_cr_changes).
     */
    private static PodSet keycloak(String component, String workload, Map<?, ?> k) {
        int instances = Fields.count(k, "spec.instances", 1);
        Resources requests = Resources.requestsOf(Fields.at(k, "spec.resources"));
        if (requests.memoryBytes() == 0) requests = new Resources(requests.cpuMillis(), Resources.bytes("1700Mi"));
        return new PodSet(component, workload, instances, false, requests, 0);
    }
}

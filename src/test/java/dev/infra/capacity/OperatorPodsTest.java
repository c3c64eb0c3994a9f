package dev.infra.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom resources' pods, with the operators' defaults where the spec is silent. */
class OperatorPodsTest {
    private static final long MI = 1L << 20;
    private static final long GI = 1L << 30;

    @Test
    void prometheusRunsReplicasTimesShardsWithItsOwnRequestsAndClaims() {
        var pods = RenderedPods.of("monitoring", """
                apiVersion: monitoring.coreos.com/v1
                kind: Prometheus
                metadata: {name: k8s}
                spec:
                  replicas: 2
                  shards: 2
                  resources: {requests: {cpu: 50m, memory: 256Mi}}
                  storage: {volumeClaimTemplate: {spec: {resources: {requests: {storage: 5Gi}}}}}
                """);
        assertEquals(List.of(new PodSet("monitoring", "Prometheus/k8s", 4, false, new Resources(50, 256 * MI), 20 * GI)), pods);
    }

    @Test
    void alertmanagerGetsTheOperatorsMemoryRequestWhenItsSpecHasNone() {
        var pods = RenderedPods.of("monitoring", """
                apiVersion: monitoring.coreos.com/v1
                kind: Alertmanager
                metadata: {name: main}
                spec: {resources: {requests: {cpu: 10m}}}
                """);
        assertEquals(List.of(new PodSet("monitoring", "Alertmanager/main", 1, false, new Resources(10, 200 * MI), 0)), pods);
    }

    @Test
    void keycloakGetsTheOperatorsMemoryRequestUnlessItsSpecSetsOne() {
        String keycloak = """
                apiVersion: k8s.keycloak.org/v2beta1
                kind: Keycloak
                metadata: {name: keycloak}
                spec: {instances: 2%s}
                """;
        assertEquals(List.of(new PodSet("kc", "Keycloak/keycloak", 2, false, new Resources(0, 1700 * MI), 0)),
                RenderedPods.of("kc", keycloak.formatted("")));
        assertEquals(new Resources(500, 1024 * MI),
                RenderedPods.of("kc", keycloak.formatted(", resources: {requests: {cpu: 500m, memory: 1Gi}}")).get(0).pod());
    }

    @Test
    void aPostgresClusterRunsEachInstanceSetWithItsSidecarsAndOneRepoHostForRepoVolumes() {
        var pods = RenderedPods.of("db", """
                apiVersion: postgres-operator.crunchydata.com/v1beta1
                kind: PostgresCluster
                metadata: {name: keycloak}
                spec:
                  instances:
                    - name: main
                      replicas: 2
                      resources: {requests: {cpu: 500m, memory: 1Gi}}
                      sidecars: {replicaCertCopy: {resources: {requests: {memory: 16Mi}}}}
                      dataVolumeClaimSpec: {resources: {requests: {storage: 10Gi}}}
                      walVolumeClaimSpec: {resources: {requests: {storage: 2Gi}}}
                    - dataVolumeClaimSpec: {resources: {requests: {storage: 1Gi}}}
                  backups:
                    pgbackrest:
                      sidecars: {pgbackrest: {resources: {requests: {cpu: 100m}}}}
                      repoHost: {resources: {requests: {memory: 64Mi}}}
                      repos:
                        - {name: repo1, volume: {volumeClaimSpec: {resources: {requests: {storage: 10Gi}}}}}
                        - {name: repo2, s3: {bucket: b}}
                """);
        assertEquals(List.of(
                new PodSet("db", "PostgresCluster/keycloak instances main", 2, false, new Resources(600, 1040 * MI), 24 * GI),
                new PodSet("db", "PostgresCluster/keycloak instances 00", 1, false, new Resources(100, 0), GI),
                new PodSet("db", "PostgresCluster/keycloak repo host", 1, false, new Resources(0, 64 * MI), 10 * GI)), pods);
    }
}

package dev.infra.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedPodsTest {
    private static final long MI = 1L << 20;
    private static final long GI = 1L << 30;

    @Test
    void aDeploymentCountsItsContainersTimesReplicasAndALimitStandsForAMissingRequest() {
        var pods = RenderedPods.of("app", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: api
                          resources: {requests: {cpu: 250m, memory: 256Mi}}
                        - name: proxy
                          resources: {limits: {cpu: "1", memory: 64Mi}}
                """);
        assertEquals(List.of(new PodSet("app", "Deployment/api", 3, false, new Resources(1250, 320 * MI), 0)), pods);
        assertEquals(new Resources(3750, 960 * MI), pods.get(0).total(5));
    }

    @Test
    void anInitContainerCountsOnlyWhenItIsBiggerThanTheContainersButASidecarAddsUp() {
        var pod = RenderedPods.podRequests(java.util.Map.of(
                "containers", List.of(java.util.Map.of("resources", java.util.Map.of("requests", java.util.Map.of("cpu", "100m", "memory", "100Mi")))),
                "initContainers", List.of(
                        java.util.Map.of("resources", java.util.Map.of("requests", java.util.Map.of("cpu", "2", "memory", "10Mi"))),
                        java.util.Map.of("restartPolicy", "Always", "resources", java.util.Map.of("requests", java.util.Map.of("memory", "50Mi"))))));
        assertEquals(new Resources(2000, 150 * MI), pod);
    }

    @Test
    void aStatefulSetsClaimsCountPerReplicaADaemonSetRunsPerNodeAndHooksAndJobsAreLeftOut() {
        var pods = RenderedPods.of("db", """
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  replicas: 2
                  volumeClaimTemplates:
                    - spec: {resources: {requests: {storage: 10Gi}}}
                  template: {spec: {containers: [{resources: {requests: {memory: 1Gi}}}]}}
                ---
                kind: DaemonSet
                metadata: {name: agent}
                spec: {template: {spec: {containers: [{resources: {requests: {cpu: 100m}}}]}}}
                ---
                kind: Job
                metadata: {name: migrate}
                spec: {template: {spec: {containers: [{resources: {requests: {cpu: "8"}}}]}}}
                ---
                kind: Pod
                metadata: {name: test, annotations: {helm.sh/hook: test}}
                spec: {containers: [{resources: {requests: {cpu: "8"}}}]}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {resources: {requests: {storage: 1Gi}}}
                """);
        assertEquals(List.of(
                new PodSet("db", "StatefulSet/db", 2, false, new Resources(0, GI), 20 * GI),
                new PodSet("db", "DaemonSet/agent", 1, true, new Resources(100, 0), 0),
                new PodSet("db", "PersistentVolumeClaim/data", 0, false, Resources.NONE, GI)), pods);
    }
}

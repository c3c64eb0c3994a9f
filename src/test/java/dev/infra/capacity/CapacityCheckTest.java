package dev.infra.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityCheckTest {
    private static final long MI = 1L << 20;
    private static final long GI = 1L << 30;

    private static final List<PodSet> PODS = List.of(
            new PodSet("keycloak", "Keycloak/keycloak", 1, false, new Resources(0, 1700 * MI), 0),
            new PodSet("monitoring", "StatefulSet/prometheus", 1, false, new Resources(500, 2 * GI), 10 * GI),
            new PodSet("monitoring", "DaemonSet/node-exporter", 1, true, new Resources(100, 64 * MI), 0),
            new PodSet("minio", "Deployment/minio", 2, false, new Resources(250, 512 * MI), 0));
    /** realm needs keycloak, dashboards need realm: disabling keycloak takes both with it. */
    private static final Map<String, List<String>> NEEDS = new LinkedHashMap<>();

    static {
        NEEDS.put("keycloak", List.of());
        NEEDS.put("monitoring", List.of());
        NEEDS.put("minio", List.of("monitoring"));
        NEEDS.put("realm", List.of("keycloak"));
        NEEDS.put("dashboards", List.of("realm", "minio"));
    }

    private static NodeRoom node(String name, long cpuMillis, long memory, Resources used) {
        return new NodeRoom(name, new Resources(cpuMillis, memory), used, 20 * GI);
    }

    @Test
    void aProfileWithinTheNodesFreeRoomFitsAndItsTotalsCountADaemonSetOncePerNode() {
        var report = CapacityCheck.evaluate("ci", PODS, List.of(node("a", 4000, 8 * GI, Resources.NONE), node("b", 4000, 8 * GI, Resources.NONE)), NEEDS);
        assertTrue(report.fits(), report.message());
        assertEquals(new Resources(1200, 1700 * MI + 2 * GI + 128 * MI + 1024 * MI), report.requested());
        assertEquals("the profile's pods request 1.2 CPU, 4.8Gi memory; 2 nodes have 8 CPU, 16Gi memory free;"
                + " claims request 10Gi of storage", report.message());
    }

    @Test
    void onATooSmallMinikubeItSaysByHowMuchAndWhichFlagsOrComponentsWouldMakeRoom() {
        Resources system = new Resources(750, 170 * MI);
        var report = CapacityCheck.evaluate("minikube", PODS, List.of(node("minikube", 2000, 2 * GI, system)), NEEDS);
        assertFalse(report.fits());
        assertEquals(new Resources(1100, 1700 * MI + 2 * GI + 64 * MI + 1024 * MI), report.requested());
        assertEquals(new Resources(1250, 2 * GI - 170 * MI), report.free());
        assertEquals(new Resources(0, 1700 * MI + 64 * MI + 1024 * MI + 170 * MI), report.shortBy());
        assertEquals("profile 'minikube' does not fit: the profile's pods request 1.1 CPU, 4.7Gi memory; 1 node has"
                + " 1.25 CPU, 1.8Gi memory free (2.9Gi memory short; StatefulSet/prometheus (monitoring, 0.5 CPU, 2Gi memory a pod)"
                + " fits on no node); recreate minikube with room for it (minikube delete; minikube start --cpus 2 --memory 6g),"
                + " or in infra.yaml disable: [monitoring, minio, dashboards, keycloak, realm] (monitoring requests 0.6 CPU, 2.1Gi memory;"
                + " keycloak requests 1.7Gi memory);"
                + " claims request 10Gi of storage", report.message());
    }

    @Test
    void aPodBiggerThanEveryNodeFailsEvenWhenTheSumFitsAndNamesItsComponent() {
        var report = CapacityCheck.evaluate("ci", PODS, List.of(node("a", 8000, 1536 * MI, Resources.NONE),
                node("b", 8000, 1536 * MI, Resources.NONE), node("c", 8000, 1536 * MI, Resources.NONE), node("d", 8000, 1536 * MI, Resources.NONE)), NEEDS);
        assertFalse(report.fits());
        assertEquals(List.of("Keycloak/keycloak", "StatefulSet/prometheus"), report.homeless().stream().map(PodSet::workload).sorted().toList());
        assertEquals(List.of("monitoring", "keycloak"), report.biggest());
    }

    @Test
    void claimsBeyondTheNodesDisksAreNamedButDoNotMakeItFail() {
        var report = CapacityCheck.evaluate("ci", PODS, List.of(new NodeRoom("a", new Resources(8000, 16 * GI), Resources.NONE, 5 * GI)), NEEDS);
        assertTrue(report.fits());
        assertTrue(report.message().endsWith("claims request 10Gi of storage, more than the nodes' 5Gi of disk"), report.message());
    }
}

package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@KubeTest
class SimulatedNodesTest {
    @Test
    @NeedsSimulation("node capacity is the local cluster's")
    void simulatedNodesReportCpuMemoryPodsAndEphemeralStorage(TestNamespace ns) {
        for (var node : ns.client().nodes().list().getItems()) {
            var allocatable = node.getStatus().getAllocatable();
            assertEquals(new Quantity("16"), allocatable.get("cpu"), node.getMetadata().getName());
            assertEquals(new Quantity("64Gi"), allocatable.get("memory"));
            assertEquals(new Quantity("110"), allocatable.get("pods"));
            assertEquals(new Quantity("100Gi"), allocatable.get("ephemeral-storage"));
            assertEquals(allocatable, node.getStatus().getCapacity());
        }
    }

    @Test
    void aPodRequestingEphemeralStorageIsScheduled(TestNamespace ns) {
        Pod pod = new PodBuilder().withNewMetadata().withName("wants-scratch").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("busybox")
                .withNewResources().withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi"),
                        "ephemeral-storage", new Quantity("1Gi"))).endResources()
                .endContainer().endSpec().build();
        ns.client().resource(pod).create();
        ns.client().pods().withName("wants-scratch").waitUntilCondition(
                p -> p != null && p.getSpec().getNodeName() != null, 60, TimeUnit.SECONDS);
    }
}

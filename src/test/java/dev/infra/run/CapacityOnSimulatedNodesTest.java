package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.ExitCodes;
import dev.infra.testing.ApiServerOnly;
import dev.infra.testing.UpstreamCharts;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity check of the whole minikube profile, rendered from the real upstream charts,
 * against nodes whose allocatable the test sets: an API server without controllers, where the
 * nodes are only what the test writes (no kwok rewrites them).
 */
@Tag("cluster")
class CapacityOnSimulatedNodesTest {
    private static ApiServerOnly server;
    private static KubernetesClient client;
    private static String context;
    /** The numbers are the real charts' requests with infra's values, and the operators' defaults. */
    private static final String REFUSAL = "profile 'minikube' does not fit: the profile's pods request 0.41 CPU, 3Gi memory;"
            + " 1 node has 2 CPU, 2Gi memory free (1022Mi memory short); recreate minikube with room for it"
            + " (minikube delete; minikube start --cpus 2 --memory 4g), or in infra.yaml disable: [keycloak, keycloak-realm]"
            + " (keycloak requests 1.7Gi memory);"
            + " claims request 42Gi of storage, more than the nodes' 20Gi of disk";
    @TempDir
    static Path charts;

    @BeforeAll
    static void startApiServer() throws IOException {
        server = ApiServerOnly.start();
        client = server.client();
        context = client.getConfiguration().getCurrentContext().getName();
        // the real charts, and the Keycloak operator's manifests as stand-ins (UpstreamCharts' README says why)
        try (Stream<Path> files = Stream.concat(Files.list(UpstreamCharts.DIR), Files.list(Path.of("src/test/standins/keycloak-k8s-resources")))) {
            for (Path file : files.toList()) Files.copy(file, charts.resolve(file.getFileName()));
        }
    }

    @AfterAll
    static void stopApiServer() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void noNodes() {
        client.nodes().delete();
    }

    @Test
    void upRefusesTheMinikubeProfileOnAMinikubeTooSmallForItSayingByHowMuchAndChangesNothing() {
        node("minikube", "2", "2Gi");
        var run = UpCommandTest.infra(server.kubeconfig(), "up", "--profile", "minikube", "--context", context,
                "--chart-source", charts.toString());
        assertEquals(ExitCodes.DOES_NOT_FIT, run.code(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("infra: error: " + REFUSAL + "; --force installs anyway", run.err().strip());
        assertNull(client.namespaces().withName("monitoring").get(), "no namespace was made");
        assertNull(client.leases().inNamespace("kube-system").withName("infra-minikube").get(), "no run lock was taken");
    }

    @Test
    void theMinikubeSizeDoctorSuggestsHasRoomForTheProfile() {
        client.resource(new StorageClassBuilder().withNewMetadata().withName("standard")
                .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata()
                .withProvisioner("k8s.io/minikube-hostpath").build()).serverSideApply();
        client.resource(new IngressClassBuilder().withNewMetadata().withName("nginx").endMetadata()
                .withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build()).serverSideApply();
        node("minikube", "2", "2Gi");
        var small = doctor();
        assertEquals(ExitCodes.FAILURE, small.code());
        assertTrue(small.out().contains("capacity        fail     " + REFUSAL), small.out());

        var flags = Pattern.compile("minikube start --cpus (\\d+) --memory (\\d+)g").matcher(small.out());
        assertTrue(flags.find(), small.out());
        client.nodes().delete();
        node("minikube", flags.group(1), flags.group(2) + "Gi");
        var large = doctor();
        assertEquals(ExitCodes.OK, large.code(), large.all());
        assertTrue(large.out().contains("capacity        ok       the profile's pods request 0.41 CPU, 3Gi memory; 1 node has 2 CPU,"
                + " 4Gi memory free; claims request 42Gi of storage, more than the nodes' 20Gi of disk"), large.out());
    }

    private static UpCommandTest.Run doctor() {
        return UpCommandTest.infra(server.kubeconfig(), "doctor", "--profile", "minikube", "--context", context,
                "--chart-source", charts.toString());
    }

    /** A Ready node: the API server's TaintNodesByCondition gives a new node the not-ready taint, which a kubelet would clear. */
    private static void node(String name, String cpu, String memory) {
        Node node = client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        node.getSpec().setTaints(java.util.List.of());
        node = client.nodes().resource(node).update();
        node.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().withAllocatable(Map.of("cpu", new Quantity(cpu),
                "memory", new Quantity(memory), "pods", new Quantity("110"), "ephemeral-storage", new Quantity("20Gi"))).build());
        client.nodes().resource(node).updateStatus();
    }
}

package dev.infra.readiness;

import static dev.infra.readiness.RolloutTable.infraVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.readiness.RolloutTable.Row;
import dev.infra.readiness.RolloutTable.Verdict;
import dev.infra.testing.ApiServerOnly;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kubectl is the oracle: each workload state of {@link RolloutTable} is written into an API
 * server without controllers (so the state stays as written), then {@code kubectl rollout status
 * --watch=false} and infra judge the same object. kubectl prints "Waiting ..." and exits 0 for a
 * rollout in progress, prints "successfully rolled out" (or "roll out complete") when done, and
 * exits 1 with an error for a progress deadline (infra: failed) or an OnDelete strategy, where it
 * has no rollout to follow (infra: ready when the pods are).
 */
@Tag("cluster")
class KubectlRolloutParityTest {
    private static final String NAMESPACE = "parity";
    private static ApiServerOnly server;
    private static KubernetesClient client;

    enum KubectlVerdict { READY, WAITING, FAILED, NO_ROLLOUT }

    static List<Row> rows() {
        return RolloutTable.rows();
    }

    @BeforeAll
    static void startApiServer() {
        server = ApiServerOnly.start();
        client = server.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    }

    @AfterAll
    static void stopApiServer() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void infraAndKubectlRolloutStatusAgree(Row row) throws IOException, InterruptedException {
        HasMetadata written = write(row);
        assertEquals(row.generation(), written.getMetadata().getGeneration(), "the table's generation");
        KubectlVerdict kubectl = kubectl(row.object().getKind(), written.getMetadata().getName());
        Verdict infra = infraVerdict(written);
        if (row.noRollout()) {
            assertEquals(KubectlVerdict.NO_ROLLOUT, kubectl);
        } else {
            assertEquals(kubectl.name(), infra.name(), "infra disagrees with kubectl");
        }
        assertEquals(row.verdict(), infra);
    }

    /** Creates the row's object, updates its spec until it has the row's generation, then writes its status. */
    private static HasMetadata write(Row row) {
        var object = row.object();
        var created = client.resource(object).inNamespace(NAMESPACE).create();
        var generic = client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(NAMESPACE)
                .withName(created.getMetadata().getName());
        for (long generation = 1; generation < row.generation(); generation++) {
            generic.patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"generation\":\"" + (generation + 1) + "\"}}}}}");
        }
        var status = client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class)
                .getAdditionalProperties().get("status");
        if (status != null) {
            GenericKubernetesResource latest = generic.get();
            latest.setAdditionalProperty("status", status);
            client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(NAMESPACE)
                    .resource(latest).updateStatus();
        }
        return client.resource(object).inNamespace(NAMESPACE).get();
    }

    private static KubectlVerdict kubectl(String kind, String name) throws IOException, InterruptedException {
        var process = new ProcessBuilder(ApiServerOnly.kubectl().toString(), "--kubeconfig", server.kubeconfig().toString(),
                "--namespace", NAMESPACE, "rollout", "status", kind.toLowerCase(Locale.ROOT) + "/" + name, "--watch=false")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl did not finish");
        if (process.exitValue() != 0) {
            if (output.contains("rollout status is only available for RollingUpdate strategy type")) return KubectlVerdict.NO_ROLLOUT;
            assertTrue(output.contains("exceeded its progress deadline"), "an unexpected kubectl error: " + output);
            return KubectlVerdict.FAILED;
        }
        boolean done = output.contains("successfully rolled out") || output.contains("roll out complete")
                || output.contains("rolling update complete");
        assertTrue(done || output.startsWith("Waiting for") || output.startsWith("waiting for"), "unexpected kubectl output: " + output);
        return done ? KubectlVerdict.READY : KubectlVerdict.WAITING;
    }
}

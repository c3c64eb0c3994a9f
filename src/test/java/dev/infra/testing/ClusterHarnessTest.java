package dev.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.sandbox.KwokStages;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that the cluster the tests get behaves like a real one, for each thing infra relies on. */
@KubeTest
class ClusterHarnessTest {
    private static final String PAUSE_IMAGE = "registry.k8s.io/pause:3.10";
    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void deploymentBecomesReadyThroughTheControllerManagerAndTheScheduler(TestNamespace ns) {
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(PAUSE_IMAGE).endContainer().endSpec()
                .endTemplate()
                .endSpec()
                .build();

        Deployment ready = ns.client().resource(deployment).create();
        ready = ns.client().resource(ready).waitUntilReady(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertEquals(2, ready.getStatus().getReadyReplicas());
        List<Pod> pods = ns.client().pods().withLabel("app", "web").list().getItems();
        assertEquals(2, pods.size());
        pods.forEach(pod -> assertNotNull(pod.getSpec().getNodeName(), "scheduled: " + pod.getMetadata().getName()));
    }

    @Test
    @NeedsSimulation("a kwok Stage sets the condition")
    void customResourceBecomesReadyWhenItsStageFires(TestNamespace ns) {
        KubernetesClient client = ns.client();
        List<HasMetadata> clusterWide = apply(client, WIDGET_CRD);
        try {
            clusterWide.addAll(new KwokStages(client).apply(stream(WIDGET_READY_STAGE)));

            GenericKubernetesResource created = (GenericKubernetesResource) apply(client, """
                    apiVersion: testing.infra.dev/v1
                    kind: Widget
                    metadata:
                      name: gadget
                    spec:
                      size: 3
                    """).get(0);
            assertNull(created.get("status"), "a new Widget has no status until its Stage fires");

            GenericKubernetesResource ready = client.genericKubernetesResources(WIDGETS).withName("gadget")
                    .waitUntilCondition(ClusterHarnessTest::hasReadyCondition, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertTrue(hasReadyCondition(ready));
        } finally {
            clusterWide.forEach(resource -> client.resource(resource).delete());
        }
    }

    @Test
    void claimBindsToAVolumeOfTheDefaultStorageClass(TestNamespace ns) {
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
                .endSpec()
                .build();
        // A pod that mounts the claim, for clusters whose default class binds on first consumer.
        Pod consumer = new PodBuilder()
                .withNewMetadata().withName("consumer").endMetadata()
                .withNewSpec()
                .addNewContainer().withName("app").withImage(PAUSE_IMAGE)
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim("data", false).endVolume()
                .endSpec()
                .build();

        ns.client().resource(claim).create();
        ns.client().resource(consumer).create();

        PersistentVolumeClaim bound = ns.client().persistentVolumeClaims().withName("data").waitUntilCondition(
                c -> c != null && "Bound".equals(c.getStatus().getPhase()), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String volume = bound.getSpec().getVolumeName();
        assertEquals("Bound", ns.client().persistentVolumes().withName(volume).get().getStatus().getPhase());
    }

    @Test
    void helmInstallsAChartAndListsItsRelease(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path chart = dir.resolve("hello");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), """
                apiVersion: v2
                name: hello
                version: 0.1.0
                """);
        Files.writeString(chart.resolve("templates/configmap.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-greeting
                data:
                  greeting: {{ .Values.greeting | default "hello" | quote }}
                """);

        helm(ns, "install", "demo", chart.toString(), "--set", "greeting=hi", "--wait", "--timeout", "60s");

        String releases = helm(ns, "list", "--output", "json");
        assertTrue(releases.contains("\"name\":\"demo\"") && releases.contains("\"status\":\"deployed\""), releases);
        Secret release = ns.client().secrets().withName("sh.helm.release.v1.demo.v1").get();
        assertNotNull(release, "helm stores the release as a Secret");
        assertEquals("helm", release.getMetadata().getLabels().get("owner"));
        assertEquals("hi", ns.client().configMaps().withName("demo-greeting").get().getData().get("greeting"));
    }

    @Test
    @NeedsSimulation("forwarding to a local address is kwok's; this cluster runs real pods")
    void portForwardThroughTheApiServerReachesALocalTcpServer(TestNamespace ns) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PingServer.start(server);
            Pod pod = new PodBuilder()
                    .withNewMetadata().withName("echo").endMetadata()
                    .withNewSpec().addNewContainer().withName("echo").withImage(PAUSE_IMAGE)
                    .addNewPort().withContainerPort(8080).endPort().endContainer().endSpec()
                    .build();
            ns.client().resource(pod).create();
            ns.client().pods().withName("echo").waitUntilReady(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            apply(ns.client(), """
                    apiVersion: kwok.x-k8s.io/v1alpha1
                    kind: PortForward
                    metadata:
                      name: echo
                    spec:
                      forwards:
                      - ports: [8080]
                        target:
                          address: 127.0.0.1
                          port: %d
                    """.formatted(server.getLocalPort()));

            try (LocalPortForward forward = ns.client().pods().withName("echo").portForward(8080)) {
                assertEquals("pong ping", exchangeUntilAnswered(forward, "ping", Duration.ofSeconds(20)));
            }
        }
    }

    private static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
            .withGroup("testing.infra.dev").withVersion("v1").withKind("Widget").withPlural("widgets")
            .withNamespaced(true).build();

    private static final String WIDGET_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.testing.infra.dev
            spec:
              group: testing.infra.dev
              scope: Namespaced
              names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
              versions:
              - name: v1
                served: true
                storage: true
                subresources: {status: {}}
                schema:
                  openAPIV3Schema:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
            """;

    /** Like the stand-ins' Stages: a Widget without conditions becomes Ready two seconds later. */
    private static final String WIDGET_READY_STAGE = """
            apiVersion: kwok.x-k8s.io/v1alpha1
            kind: Stage
            metadata:
              name: widget-ready
            spec:
              resourceRef:
                apiGroup: testing.infra.dev/v1
                kind: Widget
              selector:
                matchExpressions:
                - key: .metadata.deletionTimestamp
                  operator: DoesNotExist
                - key: .status.conditions
                  operator: DoesNotExist
              delay:
                durationMilliseconds: 2000
              next:
                patches:
                - subresource: status
                  root: status
                  template: |
                    conditions:
                    - type: Ready
                      status: "True"
                      reason: StageFired
                      lastTransitionTime: {{ Now | Quote }}
            """;

    private static List<HasMetadata> apply(KubernetesClient client, String yaml) {
        List<HasMetadata> created = new ArrayList<>();
        for (HasMetadata item : client.load(stream(yaml)).items()) {
            created.add(client.resource(item).create());
        }
        return created;
    }

    private static InputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static boolean hasReadyCondition(GenericKubernetesResource resource) {
        if (resource == null || !(resource.get("status", "conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream().map(c -> (Map<String, Object>) c)
                .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private static String helm(TestNamespace ns, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Testbin.helm().toString(),
                "--kubeconfig", ns.kubeconfig().toString(), "--namespace", ns.name()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "helm did not finish: " + command);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** kwok learns of the PortForward through a watch, so the first tries may find no rule yet. */
    private static String exchangeUntilAnswered(LocalPortForward forward, String message, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 100;
        while (true) {
            try (Socket socket = new Socket(forward.getLocalAddress(), forward.getLocalPort())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                if (answer != null) {
                    return answer;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no answer through the port-forward within " + timeout
                        + (forward.errorOccurred() ? ": " + forward.getServerThrowables() : ""));
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 2000);
        }
    }
}

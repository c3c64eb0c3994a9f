package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.cli.Main;
import dev.infra.testing.AlsoWithHelm3;
import dev.infra.testing.ArgoCdCrd;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.PingServer;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** secret, maintenance and port-forward against a real API server. */
@KubeTest
@AlsoWithHelm3
class DayTwoCommandsTest {
    record Run(int code, String out, String err) {
    }

    static Run infra(TestNamespace ns, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", ns.kubeconfig().toString()));
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void secretGetPrintsTheDecodedValuesInEveryFormat(TestNamespace ns) {
        ns.client().secrets().resource(new SecretBuilder().withNewMetadata().withName("shop-login").endMetadata()
                .withStringData(Map.of("user", "alice", "pass-word", "s3cr3t 'quoted'")).build()).create();

        Run table = infra(ns, "secret", "get", "shop-login", "-n", ns.name());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("pass-word   s3cr3t 'quoted'"), table.out());

        Run key = infra(ns, "secret", "get", "shop-login", "-n", ns.name(), "--key", "pass-word");
        assertEquals("s3cr3t 'quoted'", key.out(), "--key prints the value and nothing else");

        Run json = infra(ns, "secret", "get", "shop-login", "-n", ns.name(), "-o", "json");
        assertEquals("alice", JsonMapper.shared().readTree(json.out()).path("data").path("user").asString());

        Run env = infra(ns, "secret", "get", "shop-login", "-n", ns.name(), "-o", "env");
        assertEquals("PASS_WORD='s3cr3t '\\''quoted'\\'''\nUSER='alice'\n", env.out());

        Run raw = infra(ns, "secret", "get", "shop-login", "-n", ns.name(), "-o", "raw");
        assertEquals("s3cr3t 'quoted'\nalice\n", raw.out());
    }

    @Test
    void unknownSecretSuggestsAKnownOneAndMissingSecretNamesItsComponent(TestNamespace ns) {
        Run unknown = infra(ns, "secret", "get", "pgadmin-secrte");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean 'pgadmin-secret'?"), unknown.err());

        Run missing = infra(ns, "secret", "get", "nothing-here", "-n", ns.name());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("secret " + ns.name() + "/nothing-here does not exist"), missing.err());
    }

    @Test
    void maintenanceFlipsTheIngressClassAndIsIdempotent(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("infra.yaml"),
                "profile: ci\ncomponents:\n  static-assets:\n    namespace: " + ns.name() + "\n");
        String f = file.toString();
        Run up = infra(ns, "up", "-f", f, "--only", "static-assets");
        assertEquals(0, up.code(), up.out() + up.err());

        assertEquals("disabled", ingressClass(ns), "installed with maintenance off");
        Run on = infra(ns, "maintenance", "on", "-f", f, "--message", "Back <soon>");
        assertEquals(0, on.code(), on.err());
        assertTrue(on.out().contains("maintenance is now on"), on.out());
        assertEquals("nginx", ingressClass(ns));
        assertEquals("Back &lt;soon&gt;", ns.client().configMaps().withName("static-assets-maintenance").get().getData().get("message"));

        Run again = infra(ns, "maintenance", "on", "-f", f);
        assertEquals(0, again.code());
        assertTrue(again.out().contains("maintenance was already on"), again.out());

        Run status = infra(ns, "maintenance", "status", "-f", f, "-o", "json");
        assertTrue(JsonMapper.shared().readTree(status.out()).path("on").asBoolean(), status.out());

        assertEquals(0, infra(ns, "maintenance", "off", "-f", f).code());
        assertEquals("disabled", ingressClass(ns));
        assertTrue(infra(ns, "maintenance", "status", "-f", f).out().contains("off "));
    }

    private static String ingressClass(TestNamespace ns) {
        return ns.client().network().v1().ingresses().withName("static-assets-maintenance").get().getSpec().getIngressClassName();
    }

    @Test
    @NeedsSimulation("kwok forwards pod ports to local addresses; real pods need a real server")
    void portForwardCarriesBytesAndRecoversWhenThePodIsReplaced(TestNamespace ns) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int localPort = probe.getLocalPort();
            probe.close();
            PingServer.start(server);
            KubernetesClient client = ns.client();
            client.resource(new ServiceBuilder().withNewMetadata().withName("echo").endMetadata()
                    .withNewSpec().withSelector(Map.of("app", "echo")).addNewPort().withPort(80)
                    .withNewTargetPort("tcp").endPort().endSpec().build()).create();
            apply(client, """
                    apiVersion: kwok.x-k8s.io/v1alpha1
                    kind: PortForward
                    metadata:
                      name: echo
                    spec:
                      forwards:
                      - ports: [8080]
                        target: {address: 127.0.0.1, port: %d}
                    """.formatted(server.getLocalPort()));
            createEchoPod(client);

            var events = new CopyOnWriteArrayList<String>();
            var target = new PortForwarder.Target("echo", ns.name(), "echo", 80, localPort, "tcp", null, Map.of());
            try (var forwarder = new PortForwarder(client, InetAddress.getLoopbackAddress(), events::add)) {
                forwarder.start(target);
                assertEquals("pong one", PingServer.exchange(localPort, "one"));

                client.pods().withName("echo").withGracePeriod(0).delete();
                client.pods().withName("echo").waitUntilCondition(p -> p == null, 30, TimeUnit.SECONDS);
                createEchoPod(client);
                assertEquals("pong two", PingServer.exchange(localPort, "two"));
                assertTrue(events.stream().anyMatch(e -> e.contains("reconnecting")), events.toString());
            }
        }
    }

    private static void createEchoPod(KubernetesClient client) {
        client.resource(new PodBuilder().withNewMetadata().withName("echo").addToLabels("app", "echo").endMetadata()
                .withNewSpec().addNewContainer().withName("echo").withImage("registry.k8s.io/pause:3.10")
                .addNewPort().withName("tcp").withContainerPort(8080).endPort().endContainer().endSpec().build()).create();
        client.pods().withName("echo").waitUntilCondition(p -> p != null && Readiness.isPodReady(p), 60, TimeUnit.SECONDS);
    }

    private static void apply(KubernetesClient client, String yaml) {
        for (HasMetadata item : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            client.resource(item).create();
        }
    }


    @Test
    void statusCountsTheResourcesAComponentsHealthRuleNames(TestNamespace ns, @TempDir Path dir) throws IOException {
        ArgoCdCrd.ensure(ns.client());
        Path file = Files.writeString(dir.resolve("infra.yaml"), """
                profile: ci
                disable: [%s]
                components:
                  team-apps:
                    source: {manifests: %s}
                    namespace: %s
                    health:
                      - {kind: Application, apiVersion: argoproj.io/v1alpha1, field: status.health.status, value: Healthy}
                """.formatted(String.join(", ", everyOtherComponent()), Path.of("src/test/resources/manifests/team-apps").toAbsolutePath(), ns.name()));
        String f = file.toString();
        assertEquals(0, infra(ns, "up", "-f", f).code());
        application(ns, "shop", "Healthy");
        application(ns, "billing", "Degraded");

        Run sick = infra(ns, "status", "-f", f);
        assertEquals(1, sick.code(), sick.out());
        assertTrue(sick.out().contains("Application 1/2 Healthy"), sick.out());
        assertTrue(sick.out().contains("team-apps: Application billing: status.health.status is Degraded"), sick.out());

        application(ns, "billing", "Healthy");
        Run well = infra(ns, "status", "-f", f, "-o", "json");
        assertEquals(0, well.code(), well.out());
        assertEquals("Application 2/2 Healthy", JsonMapper.shared().readTree(well.out()).path("components").get(0).path("health").get(0).asString());
    }

    private static List<String> everyOtherComponent() {
        return dev.infra.catalog.Catalog.bundled().resolve("ci", java.util.Optional.empty()).enabled().stream()
                .map(dev.infra.catalog.Component::name).toList();
    }

    /** An Application as Argo CD's controller reports it: its health in its status, which its CRD keeps with the object. */
    private static void application(TestNamespace ns, String name, String health) {
        var applications = ns.client().genericKubernetesResources("argoproj.io/v1alpha1", "Application");
        var app = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName(name).withNamespace(ns.name()).endMetadata().build();
        app.setAdditionalProperty("status", Map.of("health", Map.of("status", health)));
        applications.resource(app).fieldManager("argocd-controller").forceConflicts().serverSideApply();
    }
}

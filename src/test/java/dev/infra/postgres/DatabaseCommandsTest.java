package dev.infra.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.LocalPostgres;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.PingServer;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra port-forward and infra psql on the catalog's databases: PGO's keycloak-db is played by a
 * pod with the labels Patroni gives the leader, kwok forwards its port to a local server.
 */
@KubeTest
@NeedsSimulation("kwok forwards the simulated primary's port to a server on this machine")
class DatabaseCommandsTest {
    private static final String PASSWORD = "pw:with\\odd 'chars' 7Hq2";
    private static final Map<String, String> LEADER = Map.of(
            "postgres-operator.crunchydata.com/cluster", "keycloak", "postgres-operator.crunchydata.com/role", "master");

    @Test
    void portForwardReachesThePrimaryAndPrintsHowToConnectWithoutThePassword(TestNamespace ns, @TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            PingServer.start(server);
            simulatePrimary(ns, server.getLocalPort(), "keycloak");
            int localPort = freePort();

            Process forward = infraProcess(ns, dir, "port-forward", "keycloak-db:" + localPort, "-f", userFile(ns, dir).toString());
            try (var out = new BufferedReader(new InputStreamReader(forward.getInputStream(), StandardCharsets.UTF_8))) {
                var lines = new ArrayList<String>();
                for (String line; (line = out.readLine()) != null && !line.startsWith("Ctrl-C"); ) lines.add(line);
                String all = String.join("\n", lines);
                assertTrue(all.contains("keycloak-db: psql \"host=127.0.0.1 port=" + localPort + " user=keycloak dbname=keycloak\""
                        + "  (password: infra secret get keycloak-pguser-keycloak -n " + ns.name() + " --key password)"), all);
                assertTrue(all.contains("(pod keycloak-instance1-x7k2-0)"), "the leader, not the replica: " + all);
                assertFalse(all.contains(PASSWORD), all);
                assertEquals("pong hello", PingServer.exchange(localPort, "hello"));
            } finally {
                forward.destroy();
                forward.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void psqlConnectsAsTheDatabaseUserAndNoProcessSeesThePassword(TestNamespace ns, @TempDir Path dir) throws Exception {
        try (var postgres = LocalPostgres.start("keycloak", PASSWORD)) {
            simulatePrimary(ns, postgres.port(), "postgres");
            // psql prints its own command line and environment (\! runs a shell; $PPID is psql)
            Process psql = infraProcess(ns, dir, "psql", "keycloak-db", "-f", userFile(ns, dir).toString(), "--",
                    "-At", "-c", "select current_user || '@' || current_database()",
                    "-c", "\\! tr '\\0' ' ' < /proc/$PPID/cmdline; echo; tr '\\0' '\\n' < /proc/$PPID/environ");
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, psql.exitValue(), out + Files.readString(dir.resolve("stderr")));
            assertTrue(out.startsWith("keycloak@postgres\n"), out);
            assertTrue(out.contains("--username=keycloak --dbname=postgres --no-password"), out);
            assertFalse(out.contains(PASSWORD), "the password is in psql's arguments or environment: " + out);
            String pgpass = out.lines().filter(l -> l.startsWith("PGPASSFILE=")).findFirst().orElseThrow().substring(11);
            assertFalse(Files.exists(Path.of(pgpass)), "the password file is removed when psql ends");
        }
    }

    @Test
    void psqlWithoutATerminalRunsTheScriptOnItsInput(TestNamespace ns, @TempDir Path dir) throws Exception {
        try (var postgres = LocalPostgres.start("keycloak", PASSWORD)) {
            simulatePrimary(ns, postgres.port(), "postgres");
            Process psql = infraProcess(ns, dir, "psql", "keycloak-db", "-f", userFile(ns, dir).toString(), "--", "-At");
            try (var in = psql.getOutputStream()) {
                in.write("select 40 + 2;\n".getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
            assertEquals("42\n", out, Files.readString(dir.resolve("stderr")));
        }
    }

    /** What PGO leaves for keycloak-db: the pguser Secret, the leader pod and a replica (a local server plays the leader). */
    private static void simulatePrimary(TestNamespace ns, int localServerPort, String dbname) {
        KubernetesClient client = ns.client();
        client.resource(new SecretBuilder().withNewMetadata().withName("keycloak-pguser-keycloak").endMetadata()
                .withStringData(Map.of("user", "keycloak", "password", PASSWORD, "dbname", dbname,
                        "host", "keycloak-primary." + ns.name() + ".svc", "port", "5432")).build()).create();
        createPod(client, "keycloak-instance1-x7k2-0", LEADER);
        createPod(client, "keycloak-instance1-q9z4-0", Map.of(
                "postgres-operator.crunchydata.com/cluster", "keycloak", "postgres-operator.crunchydata.com/role", "replica"));
        client.load(new ByteArrayInputStream("""
                apiVersion: kwok.x-k8s.io/v1alpha1
                kind: PortForward
                metadata:
                  name: keycloak-instance1-x7k2-0
                spec:
                  forwards:
                  - ports: [5432]
                    target: {address: 127.0.0.1, port: %d}
                """.formatted(localServerPort).getBytes(StandardCharsets.UTF_8))).items().forEach(o -> client.resource(o).create());
    }

    private static void createPod(KubernetesClient client, String name, Map<String, String> labels) {
        client.resource(new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("database").withImage("registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi9")
                .addNewPort().withName("postgres").withContainerPort(5432).endPort().endContainer().endSpec().build()).create();
        client.pods().withName(name).waitUntilCondition(p -> p != null && Readiness.isPodReady(p), 60, TimeUnit.SECONDS);
    }

    private static Path userFile(TestNamespace ns, Path dir) throws IOException {
        return Files.writeString(dir.resolve("infra.yaml"), "profile: ci\ncomponents:\n  keycloak-db:\n    namespace: " + ns.name() + "\n");
    }

    private static Process infraProcess(TestNamespace ns, Path dir, String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.infra.cli.Main", "--kubeconfig", ns.kubeconfig().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

}

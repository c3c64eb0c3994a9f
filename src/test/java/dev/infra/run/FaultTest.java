package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.cli.Main;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and failing tools: each gives one clear line and its exit code, and changes nothing
 * in the cluster; a transient helm failure is retried; a readiness wait outlives an API server
 * restart. infra runs as its own process here, as
 * a user or CI runs it.
 */
@KubeTest
class FaultTest {
    static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();

    record Run(int code, String out, String err) {
    }

    static Run infra(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return infra(Path.of(System.getProperty("user.home")), env, args);
    }

    /** infra as its own process, for a user whose home is {@code home}. */
    static Run infra(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "dev.infra.cli.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "infra did not finish");
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Namespaces and helm releases: what a failed run must leave as it was. */
    static TreeSet<String> clusterState(KubernetesClient client) {
        var state = new TreeSet<String>();
        client.namespaces().list().getItems().forEach(n -> state.add("namespace " + n.getMetadata().getName()));
        client.secrets().inAnyNamespace().withLabel("owner", "helm").list().getItems()
                .forEach(s -> state.add("release " + s.getMetadata().getNamespace() + "/" + s.getMetadata().getName()));
        // other tests may share a cluster given by INFRA_TEST_KUBECONFIG; only this test's own traces count
        state.removeIf(entry -> !entry.contains("greeter"));
        return state;
    }

    static Path userFile(Path dir, String namespace, String chartPath) throws IOException {
        return Files.writeString(dir.resolve("infra.yaml"), """
                profile: ci
                components:
                  greeter:
                    source: {path: %s}
                    namespace: %s-greeter
                """.formatted(chartPath, namespace));
    }

    void assertFailsCleanly(TestNamespace ns, Run run, int code, String message) {
        assertEquals(code, run.code(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("infra: error: ") && run.err().contains(message), run.err());
    }

    @Test
    void badInputOrAMissingToolFailsWithOneLineAndChangesNothing(TestNamespace ns, @TempDir Path dir) throws Exception {
        String kubeconfig = ns.kubeconfig().toString();
        String helm = Testbin.helm().toString();
        var before = clusterState(ns.client());

        Path good = userFile(dir, ns.name(), CHARTS.resolve("hello").toString());
        assertFailsCleanly(ns, infra(Map.of("INFRA_HELM", dir.resolve("no-helm").toString()), "up", "-f", good.toString(),
                "--only", "greeter", "--kubeconfig", kubeconfig), 5, "cannot run helm ('" + dir.resolve("no-helm")
                + "'): install helm 3.18+ or 4");
        Path oldHelm = Files.writeString(dir.resolve("old-helm"), "#!/bin/sh\necho v3.17.3+ge4da497\n");
        Files.setPosixFilePermissions(oldHelm, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertFailsCleanly(ns, infra(Map.of("INFRA_HELM", oldHelm.toString()), "up", "-f", good.toString(),
                "--only", "greeter", "--kubeconfig", kubeconfig), 5, "helm v3.17.3 ('" + oldHelm + "') is too old: infra needs helm 3.18+ or 4");

        Path missingChart = userFile(dir, ns.name(), CHARTS.resolve("no-such-chart").toString());
        assertFailsCleanly(ns, infra(Map.of("INFRA_HELM", helm), "up", "-f", missingChart.toString(), "--only", "greeter",
                "--kubeconfig", kubeconfig), 2, "no chart at " + CHARTS.resolve("no-such-chart"));

        Path malformed = Files.writeString(dir.resolve("bad.yaml"), "profile: ci\ncomponents: [\n");
        assertFailsCleanly(ns, infra(Map.of("INFRA_HELM", helm), "up", "-f", malformed.toString(), "--kubeconfig", kubeconfig),
                2, "bad.yaml:2: malformed YAML: while parsing a flow node; expected the node content, but found '<stream end>'");

        assertFailsCleanly(ns, infra(Map.of("INFRA_HELM", helm), "up", "--profile", "ci", "--only", "minoi", "--kubeconfig", kubeconfig),
                2, "unknown component 'minoi'; did you mean 'minio'?");

        assertEquals(before, clusterState(ns.client()), "a failed run changed the cluster");
    }

    @Test
    void noKubeconfigAtAllSaysHowToGetACluster(@TempDir Path home) throws Exception {
        Run run = infra(home, Map.of(), "status", "--profile", "ci");
        assertEquals(3, run.code(), run.out() + run.err());
        assertEquals("infra: error: no cluster configured: no $KUBECONFIG, no ~/.kube/config and not in a pod; "
                + "pass --kubeconfig, or start one (minikube start, infra sandbox up)\n", run.err());
    }

    @Test
    void aTransientHelmFailureIsRetriedWithANote(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path wrapper = dir.resolve("helm");
        Files.writeString(wrapper, """
                #!/usr/bin/env bash
                # fails the first install the way a flaky network does, then behaves
                if [[ "$1" == upgrade && ! -e "%1$s/failed-once" ]]; then
                  touch "%1$s/failed-once"
                  echo 'Error: Kubernetes cluster unreachable: read tcp 10.0.0.1:443: connection reset by peer' >&2
                  exit 1
                fi
                exec %2$s "$@"
                """.formatted(dir, Testbin.helm()));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = userFile(dir, ns.name(), CHARTS.resolve("hello").toString());
        Run run = infra(Map.of("INFRA_HELM", wrapper.toString()), "up", "-f", file.toString(), "--only", "greeter",
                "--kubeconfig", ns.kubeconfig().toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("greeter: helm upgrade --install greeter failed (Error: Kubernetes cluster unreachable: "
                + "read tcp 10.0.0.1:443: connection reset by peer); retry 1 of 4 in 1s"), run.out());
        assertTrue(run.out().contains("✓ greeter"), run.out());
        ns.client().namespaces().withName(ns.name() + "-greeter").delete();
    }

    @Test
    @NeedsSimulation("only the local cluster can be restarted by a test")
    void aReadinessWaitSurvivesARestartOfTheApiServer(TestNamespace ns, @TempDir Path dir) throws Exception {
        String namespace = ns.name() + "-waiter";
        Path file = Files.writeString(dir.resolve("infra.yaml"), """
                profile: ci
                components:
                  waiter:
                    source: {path: %s}
                    namespace: %s
                    timeout: 3m
                """.formatted(CHARTS.resolve("stuck"), namespace));
        var out = new StringWriter();
        var up = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(out), new PrintWriter(out),
                "up", "-f", file.toString(), "--only", "waiter", "--kubeconfig", ns.kubeconfig().toString()));
        // its pod waits for a node labelled infra.dev/no-such-node, which comes after the restart
        ns.client().apps().deployments().inNamespace(namespace).withName("waiter")
                .waitUntilCondition(d -> d != null, 60, TimeUnit.SECONDS);
        ns.cluster().restartApiServer();
        var node = ns.client().nodes().list().getItems().get(0).getMetadata().getName();
        ns.client().nodes().withName(node).edit(n -> {
            n.getMetadata().getLabels().put("infra.dev/no-such-node", "true");
            return n;
        });
        try {
            assertEquals(0, up.get(2, TimeUnit.MINUTES), out.toString());
            assertTrue(out.toString().contains("✓ waiter"), out.toString());
        } finally {
            ns.client().nodes().withName(node).edit(n -> {
                n.getMetadata().getLabels().remove("infra.dev/no-such-node");
                return n;
            });
            ns.client().namespaces().withName(namespace).delete();
        }
    }
}

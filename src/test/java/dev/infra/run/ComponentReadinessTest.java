package dev.infra.run;

import static dev.infra.run.UpCommandTest.component;
import static dev.infra.run.UpCommandTest.infra;
import static dev.infra.run.UpCommandTest.userFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.sandbox.KwokStages;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.TestNamespace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What up and status conclude about a component's readiness, with the real CLI, helm and API server. */
@KubeTest
class ComponentReadinessTest {
    /** kwok fails every pod labelled infra.dev/test-outcome=fail: its container exits 3. */
    private static final String FAILING_PODS_STAGE = """
            apiVersion: kwok.x-k8s.io/v1alpha1
            kind: Stage
            metadata:
              name: infra-test-failing-pods
            spec:
              resourceRef: {apiGroup: v1, kind: Pod}
              selector:
                matchLabels: {infra.dev/test-outcome: fail}
                matchExpressions:
                  - {key: .metadata.deletionTimestamp, operator: DoesNotExist}
                  - {key: .status.podIP, operator: DoesNotExist}
              weight: 1
              next:
                statusTemplate: |
                  {{ $now := Now }}
                  conditions:
                  - {type: Initialized, status: "True", lastTransitionTime: {{ $now | Quote }}}
                  - {type: Ready, status: "False", reason: PodFailed, lastTransitionTime: {{ $now | Quote }}}
                  containerStatuses:
                  {{ range .spec.containers }}
                  - image: {{ .image | Quote }}
                    name: {{ .name | Quote }}
                    ready: false
                    restartCount: 0
                    state:
                      terminated: {exitCode: 3, reason: Error, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }}}
                  {{ end }}
                  hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
                  podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}
                  phase: Failed
                  startTime: {{ $now | Quote }}
            """;

    @Test
    @NeedsSimulation("a kwok Stage fails the Job's pod")
    void renderedJobThatFailsExitsOneWithTheReasonOfItsPod(TestNamespace ns, @TempDir Path dir) throws IOException {
        var stages = new KwokStages(ns.client()).apply(new ByteArrayInputStream(FAILING_PODS_STAGE.getBytes(StandardCharsets.UTF_8)));
        try {
            // no catalog check: the Job the chart rendered is waited for, as Helm 4's kstatus wait does
            Path file = userFile(dir, component("migrate", "failing-job", ns.name(), "    timeout: 2m\n"));
            var run = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "migrate");
            assertEquals(1, run.code(), "a failed Job is a failure, not a timeout: " + run.all());
            assertTrue(run.out().contains("migrate failed: Job migrate: job failed: BackoffLimitExceeded"), run.out());
            assertTrue(run.out().contains("container migrate failed: Error (exit code 3); last log lines: "), run.out());
            assertFalse(run.out().contains("Failure executing"), "the API server's words, not a request dump: " + run.out());
            assertTrue(run.took().toSeconds() < 90, "fails when the Job fails, not when the timeout ends: " + run.took());
        } finally {
            stages.forEach(stage -> ns.client().resource(stage).delete());
        }
    }

    @Test
    void statusChecksTheWorkloadsOfAChartWithoutCatalogChecksAsUpDoes(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, component("greeter", "hello", ns.name(), "")
                + component("stuck", "stuck", ns.name(), "    timeout: 3s\n"));
        assertEquals(0, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "greeter").code());
        assertEquals(4, infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "stuck").code());

        var status = infra(ns.kubeconfig(), "status", "-f", file.toString(), "-o", "json");
        JsonNode greeter = row(status.out(), "greeter");
        assertEquals(1, greeter.path("checks").asInt(), greeter.toString());
        assertEquals(1, greeter.path("ready").asInt(), greeter.toString());
        JsonNode stuck = row(status.out(), "stuck");
        assertEquals(1, stuck.path("checks").asInt(), stuck.toString());
        assertEquals(0, stuck.path("ready").asInt(), stuck.toString());
        assertTrue(stuck.path("waiting").toString().contains("Deployment stuck: 0 of 1 updated replicas available"), stuck.toString());
    }

    @Test
    void catalogCheckOfAnObjectNothingMakesFailsTheStepAtOnceAndStatusSaysSo(TestNamespace ns, @TempDir Path dir) throws IOException {
        Path file = userFile(dir, component("greeter", "hello", ns.name(),
                "    timeout: 5m\n    readiness:\n      - {kind: Deployment, name: greeter-typo}\n"));
        var run = infra(ns.kubeconfig(), "up", "-f", file.toString(), "--only", "greeter");
        assertEquals(2, run.code(), "a catalog mistake, not a wait of five minutes: " + run.all());
        assertTrue(run.out().contains("greeter: readiness: Deployment greeter-typo is neither rendered nor declared createdBy"), run.all());

        var status = infra(ns.kubeconfig(), "status", "-f", file.toString());
        assertEquals(2, status.code(), status.all());
        assertTrue(status.err().contains("Deployment greeter-typo is neither rendered nor declared createdBy"), status.all());
    }

    private static JsonNode row(String statusJson, String component) {
        for (JsonNode row : JsonMapper.shared().readTree(statusJson).path("components")) {
            if (component.equals(row.path("component").asString())) return row;
        }
        throw new AssertionError("no row for " + component + " in " + statusJson);
    }
}

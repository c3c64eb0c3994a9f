package dev.infra.readiness;

import static dev.infra.readiness.RolloutTable.deploymentStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.ComponentFailedException;
import dev.infra.errors.ReadinessTimeoutException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waiter's decisions, over objects whose states a fake hands out one after another. */
class ReadinessWaiterTest {
    private static final ReadinessCheck WEB = ReadinessCheck.of("Deployment", "web", null);
    private static final ReadinessCheck API = ReadinessCheck.of("Deployment", "api", null);

    private final Map<String, List<Object>> states = new HashMap<>();
    private final List<String> explained = new ArrayList<>();
    private final ReadinessWaiter waiter = new ReadinessWaiter(
            (check, namespace) -> new Watched<>(check, new DeploymentRule(), FakeResource.of(states.get(check.name()))),
            (status, namespace) -> {
                explained.add(status.subject() + " in " + namespace);
                return "because " + status.message();
            });

    @Test
    void returnsOnceEveryCheckIsReady() {
        states.put("web", List.of(deployment(deploymentStatus(1, 1, 0, 0, 0)), deployment(deploymentStatus(1, 1, 1, 1, 1))));
        states.put("api", List.of(deployment(deploymentStatus(1, 1, 1, 1, 1))));
        waiter.await("shop", List.of(WEB, API), "apps", Duration.ofSeconds(5));
        assertEquals(List.of(), explained);
    }

    @Test
    void timeoutNamesTheComponentItsWaitAndTheDiagnosis() {
        states.put("web", List.of(deployment(deploymentStatus(1, 1, 1, 1, 1))));
        states.put("api", List.of(deployment(deploymentStatus(1, 1, 1, 1, 0))));
        var e = assertThrows(ReadinessTimeoutException.class,
                () -> waiter.await("shop", List.of(WEB, API), "apps", Duration.ofSeconds(5)));
        assertEquals("shop not ready after 5s: because 0 of 1 updated replicas available", e.getMessage());
        assertEquals(List.of("Deployment api in apps"), explained);
    }

    @Test
    void whatCannotGetBetterFailsAtOnceAndSkipsTheRemainingChecks() {
        var pastDeadline = new DeploymentStatusBuilder(deploymentStatus(1, 1, 0, 0, 0)).withConditions(new DeploymentConditionBuilder()
                .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").build()).build();
        states.put("web", List.of(deployment(pastDeadline), deployment(deploymentStatus(1, 1, 1, 1, 1))));
        var e = assertThrows(ComponentFailedException.class,
                () -> waiter.await("shop", List.of(WEB, API), "apps", Duration.ofSeconds(5)));
        assertEquals("shop failed: because exceeded its progress deadline", e.getMessage());
        assertEquals(List.of("Deployment web in apps"), explained);
    }

    @Test
    void droppedWatchIsStartedAgainAfterAPauseWhileThereIsTime() {
        var dropped = new KubernetesClientException("connection reset", new IOException("connection reset by peer"), 0, null, null);
        states.put("web", List.of(deployment(deploymentStatus(1, 1, 0, 0, 0)), dropped, deployment(deploymentStatus(1, 1, 1, 1, 1))));
        long start = System.nanoTime();
        waiter.await("shop", List.of(WEB), "apps", Duration.ofSeconds(10));
        assertEquals(List.of(), explained);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900, "a restarting API server is not hammered");
    }

    @Test
    void failureThatDoesNotGoAwayIsNotRetried() {
        var forbidden = new KubernetesClientException("deployments.apps \"web\" is forbidden", 403, null);
        states.put("web", List.of(deployment(deploymentStatus(1, 1, 0, 0, 0)), forbidden, deployment(deploymentStatus(1, 1, 1, 1, 1))));
        var e = assertThrows(KubernetesClientException.class, () -> waiter.await("shop", List.of(WEB), "apps", Duration.ofSeconds(10)));
        assertSame(forbidden, e);
    }

    @Test
    void transientFailureAfterTheDeadlineIsNotRetried() {
        var dropped = new KubernetesClientException("connection reset", new IOException("connection reset by peer"), 0, null, null);
        states.put("web", List.of(dropped, deployment(deploymentStatus(1, 1, 1, 1, 1))));
        var e = assertThrows(KubernetesClientException.class, () -> waiter.await("shop", List.of(WEB), "apps", Duration.ZERO));
        assertSame(dropped, e);
    }

    @Test
    void nowJudgesEachCheckWithoutWaiting() {
        states.put("web", List.of(deployment(deploymentStatus(1, 1, 1, 1, 1))));
        states.put("api", List.of(deployment(deploymentStatus(1, 1, 0, 0, 0))));
        var now = waiter.now(List.of(WEB, API), "apps");
        assertEquals(List.of(true, false), now.stream().map(CheckStatus::ready).toList());
        assertEquals("0 of 1 new replicas updated", now.get(1).message());
    }

    private static Deployment deployment(DeploymentStatus status) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(1).endSpec().withStatus(status).build();
    }
}

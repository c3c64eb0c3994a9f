package dev.infra.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a diagnosis says about pods, from their status (logs and events come from a fake). */
class PodReasonsTest {
    private final PodReasons reasons = new PodReasons(new PodReasons.Sources() {
        @Override
        public String lastLog(Pod pod, String container, boolean previous) {
            return (previous ? "previous" : "current") + " log of " + pod.getMetadata().getName() + "/" + container;
        }

        @Override
        public String latestWarning(String namespace, String kind, String name) {
            return name.startsWith("warned") ? "BackOff: " + kind + " " + namespace + "/" + name : null;
        }
    });

    @Test
    void readyPodsLeaveTheWaitToTheController() {
        assertEquals("all 1 pods are ready; waiting for the controller to report it", reasons.of(List.of(ready("web-1"))));
    }

    @Test
    void namesAtMostTwoPodsThatAreNotReady() {
        var pods = List.of(ready("web-0"), pending("web-1", null), pending("web-2", "Running"), pending("web-3", null));
        assertEquals("pod web-1 is Pending but not ready; pod web-2 is Running but not ready", reasons.of(pods));
    }

    @Test
    void unschedulablePodSaysWhy() {
        var pod = new PodBuilder(pending("web-1", null)).editStatus()
                .addNewCondition().withType("Ready").withStatus("False").withMessage("not this").endCondition()
                .addNewCondition().withType("PodScheduled").withStatus("True").withMessage("not this either").endCondition()
                .addNewCondition().withType("PodScheduled").withStatus("False").withMessage("0/3 nodes are available").endCondition()
                .endStatus().build();
        assertEquals("is unschedulable: 0/3 nodes are available", reasons.of(pod));
    }

    @Test
    void imageThatCannotBePulledIsNamed() {
        for (String reason : List.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName")) {
            assertEquals("cannot pull image example/web:1 (" + reason + "): not found",
                    reasons.of(withContainer(waiting("web", reason, "not found"))));
        }
        assertEquals("cannot pull image example/web:1 (ErrImagePull): no message",
                reasons.of(withContainer(waiting("web", "ErrImagePull", null))));
    }

    @Test
    void crashLoopShowsTheLogOfThePreviousRun() {
        var status = new ContainerStatusBuilder(waiting("web", "CrashLoopBackOff", "back-off")).withRestartCount(4).build();
        assertEquals("container web is crash-looping (4 restarts); last log lines: previous log of web-1/web",
                reasons.of(withContainer(status)));
    }

    @Test
    void failedContainerShowsItsReasonExitCodeAndLog() {
        assertEquals("container migrate failed: Error (exit code 3); last log lines: current log of web-1/migrate",
                reasons.of(withContainer(terminated("migrate", 3))));
    }

    @Test
    void otherWaitingReasonsAreQuoted() {
        assertEquals("container web is waiting: CreateContainerConfigError: secret \"db\" not found",
                reasons.of(withContainer(waiting("web", "CreateContainerConfigError", "secret \"db\" not found"))));
        assertEquals("container web is waiting: ContainerCreating",
                reasons.of(withContainer(waiting("web", "ContainerCreating", null))));
    }

    @Test
    void containersWithoutAProblemAreSkipped() {
        var completedInit = terminated("init", 0);
        var noReason = waiting("web", null, "starting");
        var noState = new ContainerStatusBuilder().withName("sidecar").build();
        var pod = new PodBuilder(pending("warned-1", "Running")).editStatus()
                .withInitContainerStatuses(completedInit).withContainerStatuses(noReason, noState).endStatus().build();
        assertEquals("is Running but not ready: BackOff: Pod apps/warned-1", reasons.of(pod));
    }

    @Test
    void initContainersAreLookedAtFirst() {
        var pod = new PodBuilder(pending("web-1", null)).editStatus()
                .withInitContainerStatuses(terminated("migrate", 1))
                .withContainerStatuses(waiting("web", "PodInitializing", null)).endStatus().build();
        assertEquals("container migrate failed: Error (exit code 1); last log lines: current log of web-1/migrate", reasons.of(pod));
    }

    private static Pod ready(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("apps").endMetadata()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build();
    }

    private static Pod pending(String name, String phase) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("apps").endMetadata()
                .withNewStatus().withPhase(phase).endStatus().build();
    }

    private static Pod withContainer(ContainerStatus status) {
        return new PodBuilder(pending("web-1", "Pending")).editStatus().withContainerStatuses(status).endStatus().build();
    }

    private static ContainerStatus waiting(String name, String reason, String message) {
        return new ContainerStatusBuilder().withName(name).withImage("example/web:1").withNewState().withNewWaiting()
                .withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    private static ContainerStatus terminated(String name, int exitCode) {
        return new ContainerStatusBuilder().withName(name).withImage("example/migrate:1").withNewState().withNewTerminated()
                .withExitCode(exitCode).withReason(exitCode == 0 ? "Completed" : "Error").endTerminated().endState().build();
    }
}

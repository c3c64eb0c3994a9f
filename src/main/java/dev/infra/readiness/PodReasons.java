package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Why pods are not ready, in the words a person would look for with kubectl: unschedulable, an
 * image that cannot be pulled, a crash loop or a failed container with its last log lines.
 * Decided from the pods alone; logs and events are asked of {@link Sources} when needed.
 */
final class PodReasons {

    /** Where the text beyond a pod's status comes from. */
    interface Sources {
        /** The last log lines of a container, of its previous run when {@code previous}. */
        String lastLog(Pod pod, String container, boolean previous);

        /** The newest Warning event about an object as "Reason: message", or null. */
        String latestWarning(String namespace, String kind, String name);
    }

    private final Sources sources;

    PodReasons(Sources sources) {
        this.sources = sources;
    }

    /** What keeps the pods of a workload from being ready; at most two pods are named. */
    String of(List<Pod> pods) {
        var notReady = pods.stream().filter(p -> !Readiness.isPodReady(p)).toList();
        if (notReady.isEmpty()) return "all " + pods.size() + " pods are ready; waiting for the controller to report it";
        return String.join("; ", notReady.stream().limit(2).map(p -> "pod " + p.getMetadata().getName() + " " + of(p)).toList());
    }

    String of(Pod pod) {
        for (PodCondition c : Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of())) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                return "is unschedulable: " + c.getMessage();
            }
        }
        var statuses = Stream.concat(pod.getStatus().getInitContainerStatuses().stream(),
                pod.getStatus().getContainerStatuses().stream()).toList();
        for (ContainerStatus s : statuses) {
            String reason = containerReason(pod, s);
            if (reason != null) return reason;
        }
        String event = sources.latestWarning(pod.getMetadata().getNamespace(), "Pod", pod.getMetadata().getName());
        return "is " + Objects.requireNonNullElse(pod.getStatus().getPhase(), "Pending") + " but not ready"
                + (event == null ? "" : ": " + event);
    }

    /** Why one container keeps its pod from being ready, or null when it does not. */
    private String containerReason(Pod pod, ContainerStatus s) {
        var state = s.getState();
        var terminated = state == null ? null : state.getTerminated();
        if (terminated != null && Counts.of(terminated.getExitCode()) != 0) {
            return "container " + s.getName() + " failed: " + terminated.getReason() + " (exit code "
                    + terminated.getExitCode() + "); last log lines: " + sources.lastLog(pod, s.getName(), false);
        }
        var waiting = state == null ? null : state.getWaiting();
        if (waiting == null || waiting.getReason() == null) return null;
        return switch (waiting.getReason()) {
            case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" -> "cannot pull image " + s.getImage()
                    + " (" + waiting.getReason() + "): " + Objects.requireNonNullElse(waiting.getMessage(), "no message");
            case "CrashLoopBackOff" -> "container " + s.getName() + " is crash-looping (" + s.getRestartCount()
                    + " restarts); last log lines: " + sources.lastLog(pod, s.getName(), true);
            default -> "container " + s.getName() + " is waiting: " + waiting.getReason()
                    + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
        };
    }
}

package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Why something is not ready, in the words a person would look for with kubectl: the pod and
 * its reason (image pull error, crash loop with the last log lines, unschedulable), or the
 * latest warning event of a claim or workload.
 */
final class Diagnosis {
    private final KubernetesClient client;

    Diagnosis(KubernetesClient client) {
        this.client = client;
    }

    String explain(CheckStatus status, String namespace) {
        var check = status.check();
        String ns = check.namespaceOr(namespace);
        String base = status.subject() + ": " + status.message();
        try {
            LabelSelector selector = Watched.of(client, check, namespace).pods();
            if (selector != null) return base + "; " + pods(ns, selector, check.kind(), check.name());
            String event = latestWarning(ns, check.kind(), check.name());
            return event == null ? base : base + "; " + event;
        } catch (RuntimeException e) {
            return base + " (no more detail: " + e.getMessage() + ")";
        }
    }

    private String pods(String ns, LabelSelector selector, String kind, String name) {
        var pods = client.pods().inNamespace(ns).withLabelSelector(selector).list().getItems();
        if (pods.isEmpty()) {
            String event = latestWarning(ns, kind, name);
            return "no pods yet" + (event == null ? "" : " (" + event + ")");
        }
        var notReady = pods.stream().filter(p -> !Readiness.isPodReady(p)).toList();
        if (notReady.isEmpty()) return "all " + pods.size() + " pods are ready; waiting for the controller to report it";
        return notReady.stream().limit(2).map(p -> "pod " + p.getMetadata().getName() + " " + podReason(p))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private String podReason(Pod pod) {
        for (PodCondition c : conditions(pod)) {
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
        String event = latestWarning(pod.getMetadata().getNamespace(), "Pod", pod.getMetadata().getName());
        return "is " + Objects.requireNonNullElse(pod.getStatus().getPhase(), "Pending") + " but not ready"
                + (event == null ? "" : ": " + event);
    }

    /** Why one container keeps its pod from being ready, or null when it does not. */
    private String containerReason(Pod pod, ContainerStatus s) {
        var state = s.getState();
        if (state != null && state.getTerminated() != null && Counts.of(state.getTerminated().getExitCode()) != 0) {
            var terminated = state.getTerminated();
            return "container " + s.getName() + " failed: " + terminated.getReason() + " (exit code "
                    + terminated.getExitCode() + "); last log lines: " + lastLog(pod, s.getName(), false);
        }
        var waiting = state == null ? null : state.getWaiting();
        if (waiting == null || waiting.getReason() == null) return null;
        return switch (waiting.getReason()) {
            case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" -> "cannot pull image " + s.getImage()
                    + " (" + waiting.getReason() + "): " + Objects.requireNonNullElse(waiting.getMessage(), "no message");
            case "CrashLoopBackOff" -> "container " + s.getName() + " is crash-looping (" + s.getRestartCount()
                    + " restarts); last log lines: " + lastLog(pod, s.getName(), true);
            default -> "container " + s.getName() + " is waiting: " + waiting.getReason()
                    + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
        };
    }

    private static List<PodCondition> conditions(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of() : pod.getStatus().getConditions();
    }

    /** The last lines of a container's log: of its previous run when it restarts, else of its only run. */
    private String lastLog(Pod pod, String container, boolean previous) {
        try {
            var logs = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .inContainer(container);
            String log = (previous ? logs.terminated() : logs).tailingLines(5).getLog();
            return log == null || log.isBlank() ? "(empty)" : String.join(" | ", log.strip().lines().toList());
        } catch (RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    /** The newest Warning event about an object, as "Reason: message". */
    private String latestWarning(String ns, String kind, String name) {
        var events = new ArrayList<>(client.v1().events().inNamespace(ns)
                .withField("involvedObject.name", name).list().getItems());
        return events.stream()
                .filter(e -> kind.equals(e.getInvolvedObject().getKind()) && "Warning".equals(e.getType()))
                .max(Comparator.comparing(Diagnosis::when))
                .map(e -> e.getReason() + ": " + e.getMessage())
                .orElse(null);
    }

    private static String when(Event e) {
        return Objects.requireNonNullElse(e.getLastTimestamp(), Objects.requireNonNullElse(e.getEventTime() == null ? null
                : e.getEventTime().getTime(), ""));
    }
}

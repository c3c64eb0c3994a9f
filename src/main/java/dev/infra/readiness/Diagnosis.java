package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
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
        String ns = check.namespace() != null ? check.namespace() : namespace;
        String base = status.subject() + ": " + status.message();
        try {
            LabelSelector selector = switch (check.kind()) {
                case "Deployment" -> selector(client.apps().deployments().inNamespace(ns).withName(check.name()).get());
                case "StatefulSet" -> selector(client.apps().statefulSets().inNamespace(ns).withName(check.name()).get());
                case "DaemonSet" -> selector(client.apps().daemonSets().inNamespace(ns).withName(check.name()).get());
                case "Job" -> selector(client.batch().v1().jobs().inNamespace(ns).withName(check.name()).get());
                default -> null;
            };
            if (selector != null) return base + "; " + pods(ns, selector, check.kind(), check.name());
            String event = latestWarning(ns, check.kind(), check.name());
            return event == null ? base : base + "; " + event;
        } catch (RuntimeException e) {
            return base + " (no more detail: " + e.getMessage() + ")";
        }
    }

    private static LabelSelector selector(io.fabric8.kubernetes.api.model.HasMetadata workload) {
        if (workload instanceof io.fabric8.kubernetes.api.model.apps.Deployment d) return d.getSpec().getSelector();
        if (workload instanceof io.fabric8.kubernetes.api.model.apps.StatefulSet s) return s.getSpec().getSelector();
        if (workload instanceof io.fabric8.kubernetes.api.model.apps.DaemonSet d) return d.getSpec().getSelector();
        if (workload instanceof io.fabric8.kubernetes.api.model.batch.v1.Job j) return j.getSpec().getSelector();
        return null;
    }

    private String pods(String ns, LabelSelector selector, String kind, String name) {
        var pods = client.pods().inNamespace(ns).withLabelSelector(selector).list().getItems();
        if (pods.isEmpty()) {
            String event = latestWarning(ns, kind, name);
            return "no pods yet" + (event == null ? "" : " (" + event + ")");
        }
        var notReady = pods.stream().filter(p -> !io.fabric8.kubernetes.client.readiness.Readiness.isPodReady(p)).toList();
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
            var waiting = s.getState() == null ? null : s.getState().getWaiting();
            if (waiting == null || waiting.getReason() == null) continue;
            switch (waiting.getReason()) {
                case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" -> {
                    return "cannot pull image " + s.getImage() + " (" + waiting.getReason() + "): "
                            + Objects.requireNonNullElse(waiting.getMessage(), "no message");
                }
                case "CrashLoopBackOff" -> {
                    return "container " + s.getName() + " is crash-looping (" + s.getRestartCount() + " restarts); last log lines: "
                            + lastLog(pod, s.getName());
                }
                default -> {
                    return "container " + s.getName() + " is waiting: " + waiting.getReason()
                            + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
                }
            }
        }
        String event = latestWarning(pod.getMetadata().getNamespace(), "Pod", pod.getMetadata().getName());
        return "is " + Objects.requireNonNullElse(pod.getStatus().getPhase(), "Pending") + " but not ready"
                + (event == null ? "" : ": " + event);
    }

    private static List<PodCondition> conditions(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of() : pod.getStatus().getConditions();
    }

    private String lastLog(Pod pod, String container) {
        try {
            String log = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .inContainer(container).terminated().tailingLines(5).getLog();
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

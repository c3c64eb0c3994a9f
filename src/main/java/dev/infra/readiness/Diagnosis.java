package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.Objects;

/**
 * Why something is not ready: for a workload, what keeps its pods from being ready (see
 * {@link PodReasons}); for anything else, or a workload without pods, its latest warning event.
 */
final class Diagnosis implements PodReasons.Sources {
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
            if (selector != null) return base + "; " + pods(ns, selector, check);
            String event = latestWarning(ns, check.kind(), check.name());
            return event == null ? base : base + "; " + event;
        } catch (RuntimeException e) {
            return base + " (no more detail: " + e.getMessage() + ")";
        }
    }

    private String pods(String ns, LabelSelector selector, ReadinessCheck check) {
        var pods = client.pods().inNamespace(ns).withLabelSelector(selector).list().getItems();
        if (!pods.isEmpty()) return new PodReasons(this).of(pods);
        String event = latestWarning(ns, check.kind(), check.name());
        return "no pods yet" + (event == null ? "" : " (" + event + ")");
    }

    @Override
    public String lastLog(Pod pod, String container, boolean previous) {
        try {
            var logs = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .inContainer(container);
            String log = (previous ? logs.terminated() : logs).tailingLines(5).getLog();
            return log == null || log.isBlank() ? "(empty)" : String.join(" | ", log.strip().lines().toList());
        } catch (KubernetesClientException e) {
            // the API server's own words, not fabric8's dump of the request and the whole Status
            return "(unavailable: " + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()) + ")";
        }
    }

    @Override
    public String latestWarning(String ns, String kind, String name) {
        return client.v1().events().inNamespace(ns).withField("involvedObject.name", name).list().getItems().stream()
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

package dev.infra.readiness;

import dev.infra.catalog.ReadinessCheck;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The readiness rule of each kind, and the fabric8 handle that watches its resource. The rules
 * are kubectl's rollout rules: a new generation observed and every replica updated and ready.
 */
final class Checks {
    private Checks() {
    }

    /** A watchable handle on the checked resource, with the rule that judges it. */
    record Watched<T extends HasMetadata>(Resource<T> resource, Function<T, CheckStatus> rule) {
        CheckStatus evaluate() {
            return rule.apply(resource.get());
        }
    }

    static Watched<?> of(KubernetesClient client, ReadinessCheck check, String namespace) {
        String ns = check.namespace() != null ? check.namespace() : namespace;
        String name = check.name();
        return switch (check.kind()) {
            case "Deployment" -> new Watched<>(client.apps().deployments().inNamespace(ns).withName(name),
                    d -> d == null ? missing(check) : deployment(check, d));
            case "StatefulSet" -> new Watched<>(client.apps().statefulSets().inNamespace(ns).withName(name),
                    s -> s == null ? missing(check) : statefulSet(check, s));
            case "DaemonSet" -> new Watched<>(client.apps().daemonSets().inNamespace(ns).withName(name),
                    d -> d == null ? missing(check) : daemonSet(check, d));
            case "Job" -> new Watched<>(client.batch().v1().jobs().inNamespace(ns).withName(name),
                    j -> j == null ? missing(check) : job(check, j));
            case "PersistentVolumeClaim" -> new Watched<>(client.persistentVolumeClaims().inNamespace(ns).withName(name),
                    p -> p == null ? missing(check) : claim(check, p));
            case "Secret" -> new Watched<>(client.secrets().inNamespace(ns).withName(name),
                    (Secret s) -> s == null ? missing(check) : CheckStatus.ready(check));
            case "CustomResourceDefinition" -> new Watched<>(
                    client.apiextensions().v1().customResourceDefinitions().withName(name),
                    c -> c == null ? missing(check) : crd(check, c));
            default -> new Watched<>(customResource(client, check, ns), r -> r == null ? missing(check) : condition(check, r));
        };
    }

    private static Resource<GenericKubernetesResource> customResource(KubernetesClient client, ReadinessCheck check, String ns) {
        var resources = client.genericKubernetesResources(check.apiVersion(), check.kind());
        boolean namespaced = client.getApiResources(check.apiVersion()) == null
                || client.getApiResources(check.apiVersion()).getResources().stream()
                .filter(r -> check.kind().equals(r.getKind())).findFirst().map(r -> r.getNamespaced()).orElse(true);
        return namespaced ? resources.inNamespace(ns).withName(check.name()) : resources.withName(check.name());
    }

    private static CheckStatus missing(ReadinessCheck check) {
        return CheckStatus.waiting(check, check.kind() + " " + check.name() + " does not exist yet");
    }

    private static CheckStatus deployment(ReadinessCheck check, Deployment d) {
        var status = d.getStatus();
        int want = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
        if (status == null) return CheckStatus.waiting(check, "no status yet");
        boolean rolledOut = Objects.equals(status.getObservedGeneration(), d.getMetadata().getGeneration())
                && Objects.requireNonNullElse(status.getUpdatedReplicas(), 0) >= want;
        if (rolledOut && Readiness.isDeploymentReady(d)) return CheckStatus.ready(check);
        return CheckStatus.waiting(check, count(status.getAvailableReplicas(), want) + " available");
    }

    private static CheckStatus statefulSet(ReadinessCheck check, StatefulSet s) {
        var status = s.getStatus();
        int want = Objects.requireNonNullElse(s.getSpec().getReplicas(), 1);
        if (status == null) return CheckStatus.waiting(check, "no status yet");
        boolean rolledOut = Objects.equals(status.getObservedGeneration(), s.getMetadata().getGeneration())
                && Objects.requireNonNullElse(status.getUpdatedReplicas(), want) >= want;
        if (rolledOut && Readiness.isStatefulSetReady(s)) return CheckStatus.ready(check);
        return CheckStatus.waiting(check, count(status.getReadyReplicas(), want) + " ready");
    }

    private static CheckStatus daemonSet(ReadinessCheck check, DaemonSet d) {
        var status = d.getStatus();
        if (status == null || !Objects.equals(status.getObservedGeneration(), d.getMetadata().getGeneration())) {
            return CheckStatus.waiting(check, "not observed yet");
        }
        int want = Objects.requireNonNullElse(status.getDesiredNumberScheduled(), 0);
        int ready = Objects.requireNonNullElse(status.getNumberReady(), 0);
        int updated = Objects.requireNonNullElse(status.getUpdatedNumberScheduled(), 0);
        return ready >= want && updated >= want ? CheckStatus.ready(check)
                : CheckStatus.waiting(check, ready + "/" + want + " ready");
    }

    private static CheckStatus job(ReadinessCheck check, Job j) {
        var conditions = j.getStatus() == null || j.getStatus().getConditions() == null ? List.<io.fabric8.kubernetes.api.model.batch.v1.JobCondition>of()
                : j.getStatus().getConditions();
        for (var c : conditions) {
            if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) return CheckStatus.ready(check);
            if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                return CheckStatus.failed(check, "job failed: " + c.getReason() + ": " + c.getMessage());
            }
        }
        return CheckStatus.waiting(check, "not complete");
    }

    private static CheckStatus claim(ReadinessCheck check, PersistentVolumeClaim p) {
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Bound".equals(phase)) return CheckStatus.ready(check);
        if ("Lost".equals(phase)) return CheckStatus.failed(check, "its volume is lost");
        return CheckStatus.waiting(check, phase == null ? "no phase yet" : phase);
    }

    private static CheckStatus crd(ReadinessCheck check, CustomResourceDefinition c) {
        boolean established = c.getStatus() != null && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus()));
        return established ? CheckStatus.ready(check) : CheckStatus.waiting(check, "not established");
    }

    @SuppressWarnings("unchecked")
    private static CheckStatus condition(ReadinessCheck check, GenericKubernetesResource r) {
        Object status = r.getAdditionalProperties().get("status");
        var conditions = status instanceof Map<?, ?> m && m.get("conditions") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.<Map<String, Object>>of();
        for (var c : conditions) {
            if ("HasErrors".equals(c.get("type")) && "True".equals(c.get("status"))) {
                // operators report passing errors here too (a database still starting): keep waiting
                return CheckStatus.waiting(check, "HasErrors: " + c.get("message"));
            }
        }
        for (var c : conditions) {
            if (check.condition().equals(c.get("type"))) {
                if ("True".equals(c.get("status"))) return CheckStatus.ready(check);
                return CheckStatus.waiting(check, check.condition() + "=" + c.get("status")
                        + (c.get("message") == null ? "" : ": " + c.get("message")));
            }
        }
        return CheckStatus.waiting(check, "no " + check.condition() + " condition yet");
    }

    private static String count(Integer have, int want) {
        return Objects.requireNonNullElse(have, 0) + "/" + want;
    }
}

package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Argo CD v3.4 (argo-cd chart 10.1.1), read in argoproj/argo-cd at v3.4.4: an Application gets
 * {@code status.sync.status: Synced} with {@code comparedTo} its source and destination,
 * {@code status.health.status: Healthy}, reconciledAt and sourceType
 * (pkg/apis/application/v1alpha1/types.go ApplicationStatus, SyncStatus, AppHealthStatus). Its CRD
 * has no status subresource (manifests/crds/application-crd.yaml), so status is written with the
 * object. Nothing is fetched from git or deployed: this plays the first sync of a healthy
 * application, once; a status someone sets afterwards (a test making one Degraded) stays.
 */
final class ArgoCd implements SimulatedOperator {
    @Override
    public String name() {
        return "argo-cd";
    }

    @Override
    public String creates() {
        return "Application -> sync Synced, health Healthy (its manifests are not deployed)";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("argoproj.io/v1alpha1", "Application"));
    }

    @Override
    public void reconcile(GenericKubernetesResource application, OwnedObjects objects) {
        Map<String, Object> status = SimulatedOperator.map(application.getAdditionalProperties().get("status"));
        if (status.containsKey("health")) return;
        Map<String, Object> spec = SimulatedOperator.spec(application);
        Map<String, Object> source = SimulatedOperator.map(spec.get("source"));
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        objects.status(application, Map.of(
                "sync", Map.of("status", "Synced", "comparedTo", Map.of("source", source,
                        "destination", SimulatedOperator.map(spec.get("destination")))),
                "health", Map.of("status", "Healthy", "lastTransitionTime", now),
                "reconciledAt", now,
                "sourceType", source.containsKey("chart") || source.containsKey("helm") ? "Helm" : "Directory"), List.of());
    }
}

package dev.infra.catalog;

/**
 * One thing that must be true before a component counts as ready: a workload rolled out
 * (Deployment, StatefulSet, DaemonSet), a Job complete, a PersistentVolumeClaim bound, a CRD
 * established, a Secret present, or a custom resource with a condition.
 *
 * @param apiVersion needed for custom resources only
 * @param namespace  defaults to the component's namespace
 * @param condition  for custom resources: the condition type that must be True
 */
public record ReadinessCheck(String kind, String name, String apiVersion, String namespace,
                             String condition) {

    static final java.util.Set<String> BUILT_IN = java.util.Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "Job", "PersistentVolumeClaim", "Secret",
            "CustomResourceDefinition");

    public boolean isCustomResource() {
        return !BUILT_IN.contains(kind);
    }
}

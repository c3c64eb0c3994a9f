package dev.infra.readiness;

/**
 * One thing that must be true before a component counts as ready: a workload rolled out
 * (Deployment, StatefulSet, DaemonSet), a Job complete, a PersistentVolumeClaim bound, a CRD
 * established, a Secret present, or a custom resource with a condition.
 *
 * @param apiVersion needed for custom resources only
 * @param namespace  defaults to the component's namespace
 * @param condition  for custom resources: the condition type that must be True
 * @param createdBy  who makes the object when no release or manifest of the component holds it
 *                   (an operator, a StatefulSet's claim template, helm from a chart's crds/);
 *                   null for an object the component renders itself
 */
public record ReadinessCheck(String kind, String name, String apiVersion, String namespace,
                             String condition, String createdBy) {

    /** A check of a kind infra knows, in the given namespace. */
    public static ReadinessCheck of(String kind, String name, String namespace) {
        return new ReadinessCheck(kind, name, null, namespace, null, null);
    }

    public boolean isCustomResource() {
        return !Kinds.isBuiltIn(kind);
    }

    String namespaceOr(String componentNamespace) {
        return namespace != null ? namespace : componentNamespace;
    }
}

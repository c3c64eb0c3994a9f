package dev.infra.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Which object a step applied, as the install record keeps it: one line
 * {@code apiVersion kind [namespace/]name}, enough to delete it without the manifests that made it.
 *
 * @param namespace null for a cluster-scoped object
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static ObjectRef of(HasMetadata object) {
        return new ObjectRef(object.getApiVersion(), object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /** The inverse of {@link #line()}; Kubernetes names and kinds hold no spaces or slashes. */
    public static ObjectRef parse(String line) {
        String[] fields = line.strip().split(" ");
        if (fields.length != 3) throw new IllegalArgumentException("not an object reference: " + line);
        int slash = fields[2].indexOf('/');
        return slash < 0 ? new ObjectRef(fields[0], fields[1], null, fields[2])
                : new ObjectRef(fields[0], fields[1], fields[2].substring(0, slash), fields[2].substring(slash + 1));
    }

    public String line() {
        return apiVersion + " " + kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}

package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * One operator the sandbox plays, from what the real one is documented (and coded) to create.
 * Each implementation says in its class comment where in the upstream source that was read.
 */
public interface SimulatedOperator {
    /** The operator as its users know it: "prometheus-operator". */
    String name();

    /** One line for people: what it creates from which resources. */
    String creates();

    /** The custom resources it acts on. */
    List<Kind> kinds();

    /**
     * Brings the cluster in line with one resource. Called on every add, update and periodic
     * resync, so it must be idempotent; an exception is logged and retried at the next resync.
     */
    void reconcile(GenericKubernetesResource resource, OwnedObjects objects);

    /** The resource's spec as a map (empty when it has none). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A field that holds an object, as a map (empty when it does not). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A custom resource kind: {@code group/version} as in apiVersion, and kind. */
    record Kind(String apiVersion, String kind) {
        public String group() {
            return apiVersion.substring(0, apiVersion.indexOf('/'));
        }

        public String version() {
            return apiVersion.substring(apiVersion.indexOf('/') + 1);
        }
    }
}

package dev.infra.diff;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What differs between two versions of an object without being a change anyone made: fields the
 * API server generates, helm's own bookkeeping labels and annotations, the order of map keys.
 */
public final class Noise {
    private static final Set<String> GENERATED_METADATA = Set.of(
            "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink");
    // not noise, but already in the object's name above its diff; helm's templates mostly leave it out
    private static final String NAMESPACE = "namespace";
    private static final Set<String> HELM_LABELS = Set.of("helm.sh/chart", "app.kubernetes.io/managed-by", "heritage");
    private static final Set<String> GENERATED_ANNOTATIONS = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");
    private static final String HELM_ANNOTATIONS = "meta.helm.sh/";

    private Noise() {
    }

    /** A copy of {@code object} without noise, every map sorted by key, empty maps and nulls left out. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> strip(Map<String, Object> object) {
        var copy = (Map<String, Object>) clean(object, "");
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.keySet().removeAll(GENERATED_METADATA);
            metadata.remove(NAMESPACE);
            if (metadata.isEmpty()) copy.remove("metadata");
        }
        return copy;
    }

    /** {@code key} is the field {@code value} sits in: labels and annotations are noisy wherever they are (pod templates too). */
    private static Object clean(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> {
                Object child = clean(v, String.valueOf(k));
                if (child != null && !isNoise(key, String.valueOf(k)) && !(child instanceof Map<?, ?> m && m.isEmpty())) {
                    sorted.put(String.valueOf(k), child);
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) return list.stream().map(v -> clean(v, "")).toList();
        return value;
    }

    private static boolean isNoise(String field, String key) {
        return field.equals("labels") && HELM_LABELS.contains(key)
                || field.equals("annotations") && (key.startsWith(HELM_ANNOTATIONS) || GENERATED_ANNOTATIONS.contains(key));
    }
}

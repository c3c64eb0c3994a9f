package dev.infra.diff;

import dev.infra.kube.ObjectRef;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The objects of a multi-document YAML manifest (what helm renders), by reference, in their order. */
public final class ManifestObjects {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ManifestObjects() {
    }

    /** Empty documents (a template that rendered nothing) are skipped; {@code namespace} fills in where a document names none. */
    @SuppressWarnings("unchecked")
    public static Map<ObjectRef, Map<String, Object>> parse(String yaml, String namespace) {
        var objects = new LinkedHashMap<ObjectRef, Map<String, Object>>();
        if (yaml == null || yaml.isBlank()) return objects;
        // Object, not Map: a document with only a comment is null
        try (var documents = YAML.readerFor(Object.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                if (documents.nextValue() instanceof Map<?, ?> map && map.containsKey("kind")) {
                    var object = (Map<String, Object>) map;
                    objects.put(refOf(object, namespace), object);
                }
            }
        }
        return objects;
    }

    /** Helm leaves the namespace out of most templates; the release's is where they go (cluster-scoped kinds ignore it). */
    @SuppressWarnings("unchecked")
    public static ObjectRef refOf(Map<String, Object> object, String namespace) {
        var metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        Object own = metadata.get("namespace");
        return new ObjectRef(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")),
                own != null ? own.toString() : namespace, String.valueOf(metadata.get("name")));
    }
}

package dev.infra.charts;

import dev.infra.readiness.RenderedChecks.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Kubernetes objects parsed from multi-document YAML (helm template output or a manifest file). */
record KubeObjects(List<JsonNode> items) {
    // written values files have no "---" marker: helm 4 refuses the "--- {}" of empty values
    static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build();

    /** Every object of {@code yaml}; documents that are empty or only comments are skipped. */
    static KubeObjects parse(String yaml) {
        var items = new ArrayList<JsonNode>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && document.isObject() && !document.isEmpty()) items.add(document);
            }
        }
        return new KubeObjects(List.copyOf(items));
    }

    Optional<JsonNode> find(String kind, String name) {
        return items.stream()
                .filter(o -> o.path("kind").asString("").equals(kind))
                .filter(o -> o.path("metadata").path("name").asString("").equals(name))
                .findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among: " + names()));
    }

    List<JsonNode> ofKind(String kind) {
        return items.stream().filter(o -> o.path("kind").asString("").equals(kind)).toList();
    }

    /** PVC names the StatefulSets' claim templates produce: {@code <template>-<statefulset>-<ordinal>}. */
    List<String> claimNames() {
        var names = new ArrayList<String>();
        for (JsonNode set : ofKind("StatefulSet")) {
            int replicas = set.path("spec").path("replicas").asInt(1);
            for (JsonNode template : set.path("spec").path("volumeClaimTemplates")) {
                for (int i = 0; i < replicas; i++) {
                    names.add(template.path("metadata").path("name").asString() + "-"
                            + set.path("metadata").path("name").asString() + "-" + i);
                }
            }
        }
        return names;
    }

    /** The objects helm keeps in a release's manifest, what infra waits for: hooks are not among them. */
    List<Rendered> release() {
        return items.stream().filter(o -> o.path("metadata").path("annotations").path("helm.sh/hook").isMissingNode())
                .map(o -> new Rendered(o.path("kind").asString(), o.path("metadata").path("name").asString(),
                        o.path("metadata").path("namespace").asString(null)))
                .toList();
    }

    List<String> names() {
        return items.stream().map(o -> o.path("kind").asString() + "/" + o.path("metadata").path("name").asString())
                .toList();
    }
}

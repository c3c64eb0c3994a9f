package dev.infra.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.infra.kube.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Compares what is there with what would be, object by object, as {@code kubectl diff} does:
 * noise left out, secret values hidden, a unified diff of each object's YAML that differs.
 */
public final class ObjectDiffer {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            // "2" stays a string, 2 a number: a diff must show which
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES).enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build();
    private static final int CONTEXT_LINES = 3;

    private ObjectDiffer() {
    }

    /** The objects of {@code live} and {@code desired} that differ, in the order of {@code desired} then of those only {@code live} has. */
    public static List<ObjectChange> compare(Map<ObjectRef, Map<String, Object>> live, Map<ObjectRef, Map<String, Object>> desired,
                                             Predicate<String> isSecret) {
        var refs = new LinkedHashSet<>(desired.keySet());
        refs.addAll(live.keySet());
        var changes = new ArrayList<ObjectChange>();
        for (ObjectRef ref : refs) {
            var before = live.get(ref) == null ? null : Noise.strip(live.get(ref));
            var after = desired.get(ref) == null ? null : Noise.strip(desired.get(ref));
            if (before != null && before.equals(after)) continue;
            var masked = SecretMasking.mask(before, after, isSecret);
            var change = before == null ? ObjectChange.Change.CREATED : after == null ? ObjectChange.Change.DELETED : ObjectChange.Change.CHANGED;
            changes.add(new ObjectChange(ref, change, unified(ref, lines(masked.before()), lines(masked.after()))));
        }
        return changes;
    }

    /** {@code --- live/NAME}, {@code +++ desired/NAME}, hunks; NAME as kubectl names its files (group.version.Kind.namespace.name). */
    static String unified(ObjectRef ref, List<String> before, List<String> after) {
        String name = ref.apiVersion().replace('/', '.') + "." + ref.kind() + "." + (ref.namespace() == null ? "" : ref.namespace() + ".") + ref.name();
        var patch = DiffUtils.diff(before, after);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("live/" + name, "desired/" + name, before, patch, CONTEXT_LINES)) + "\n";
    }

    private static List<String> lines(Map<String, Object> object) {
        return object == null ? List.of() : YAML.writeValueAsString(object).lines().toList();
    }
}

package dev.infra.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A component's values as every export writes them: entries whose value refers to a secret
 * ({@code ${secret:NAME/KEY}}) are left out, and {@link #left} says which and from where, so the
 * team provides them before syncing. No export ever writes a secret value.
 */
final class SecretFreeValues {
    private static final Pattern SECRET = Pattern.compile("\\$\\{secret:([^}]+)}");

    private final Map<String, Object> values;
    private final List<String> left = new ArrayList<>();

    SecretFreeValues(Map<String, Object> values) {
        this.values = withoutSecrets(values, "");
    }

    Map<String, Object> values() {
        return values;
    }

    /** One {@code path.to.key <- secret NAME/KEY} per value left out, in values order. */
    List<String> left() {
        return List.copyOf(left);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withoutSecrets(Map<String, Object> values, String path) {
        var copy = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> {
            String at = path.isEmpty() ? key : path + "." + key;
            if (value instanceof Map<?, ?> m) {
                copy.put(key, withoutSecrets((Map<String, Object>) m, at));
            } else if (containsSecret(value)) {
                var m = SECRET.matcher(String.valueOf(value));
                var names = new ArrayList<String>();
                while (m.find()) names.add(m.group(1));
                left.add(at + " <- secret " + String.join(", ", names));
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static boolean containsSecret(Object value) {
        return value != null && SECRET.matcher(String.valueOf(value)).find();
    }
}

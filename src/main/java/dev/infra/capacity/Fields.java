package dev.infra.capacity;

import java.util.List;
import java.util.Map;

/** Reads rendered YAML as parsed: nested maps and lists, by dotted path. */
final class Fields {
    private Fields() {
    }

    /** The value at {@code path} ({@code spec.template.spec}), null when any part is missing. */
    static Object at(Object object, String path) {
        Object value = object;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) return null;
            value = map.get(key);
        }
        return value;
    }

    static Map<?, ?> map(Object object, String path) {
        return at(object, path) instanceof Map<?, ?> m ? m : Map.of();
    }

    static List<?> list(Object object, String path) {
        return at(object, path) instanceof List<?> l ? l : List.of();
    }

    static String string(Object object, String path) {
        Object value = at(object, path);
        return value == null ? null : value.toString();
    }

    /** A count such as {@code spec.replicas}: {@code fallback} where the spec leaves it out. */
    static int count(Object object, String path, int fallback) {
        return at(object, path) instanceof Number n ? n.intValue() : fallback;
    }

    /** A storage quantity such as {@code spec.resources.requests.storage}, in bytes; 0 when absent. */
    static long storage(Object object, String path) {
        return Resources.bytes(at(object, path));
    }
}

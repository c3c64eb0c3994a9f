package dev.infra.catalog;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces {@code ${name}} in component values and manifests with the profile's settings
 * (ingress class, storage class, domain). Settings are lowerCamelCase; {@code ${UPPER_CASE}}
 * is left alone, because Keycloak's realm imports use that form for their own placeholders.
 * {@code ${secret:NAME/KEY}} is left for install time, when the secret's value is read from the
 * cluster and never printed.
 */
public final class Settings {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)}");

    private final Map<String, String> values;
    private final BiFunction<String, String, RuntimeException> error;

    public Settings(Map<String, String> values, BiFunction<String, String, RuntimeException> error) {
        this.values = values;
        this.error = error;
    }

    void substitute(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                if (e.getValue().isString()) {
                    object.put(e.getKey(), replace(e.getValue().asString(), path + "." + e.getKey()));
                } else {
                    substitute(e.getValue(), path + "." + e.getKey());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isString()) {
                    array.set(i, array.stringNode(replace(array.get(i).asString(), path + "." + i)));
                } else {
                    substitute(array.get(i), path + "." + i);
                }
            }
        }
    }

    /** {@code text} with every {@code ${setting}} replaced; {@code where} names it in errors. */
    public String replace(String text, String where) {
        Matcher m = REFERENCE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw error.apply(where, "unknown setting '${" + m.group(1) + "}' (settings: "
                        + String.join(", ", new TreeSet<>(values.keySet())) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}

package dev.infra.run;

import dev.infra.catalog.HealthRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One health rule counted over the resources it applies to, as {@code infra status} shows it.
 *
 * @param summary   {@code "Application 3/4 Healthy"}
 * @param unhealthy how many resources do not have the rule's value
 * @param waiting   per such resource, what its field is instead
 */
record HealthTally(String summary, int unhealthy, List<String> waiting) {

    static HealthTally of(HealthRule rule, List<GenericKubernetesResource> resources) {
        var waiting = new ArrayList<String>();
        for (var resource : resources) {
            String actual = field(resource.getAdditionalProperties(), rule.field());
            if (!rule.value().equals(actual)) {
                waiting.add(rule.kind() + " " + resource.getMetadata().getName() + ": " + rule.field() + " is " + actual);
            }
        }
        int good = resources.size() - waiting.size();
        return new HealthTally(rule.kind() + " " + good + "/" + resources.size() + " " + rule.value(), waiting.size(), List.copyOf(waiting));
    }

    /** The value at a dotted path such as {@code status.health.status}, or null. */
    private static String field(Map<String, Object> object, String path) {
        Object value = object;
        for (String key : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value == null ? null : value.toString();
    }
}

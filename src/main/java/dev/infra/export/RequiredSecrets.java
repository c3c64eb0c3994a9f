package dev.infra.export;

import dev.infra.catalog.Component;
import dev.infra.catalog.SecretSpec;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Secrets exported Applications need but nothing in the export creates: those {@code infra up}
 * generates, and those their values name ({@code existingSecret}, {@code credentialsSecret} and
 * the like), unless a component of the plan makes them itself (an operator's login secrets).
 */
final class RequiredSecrets {
    /** Value keys whose value is the name of a Secret the chart reads but does not create. */
    private static final Pattern NAME_KEY = Pattern.compile("existing\\w*Secret(Name)?|credentialsSecret(Name)?",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> madeByComponents = new HashSet<>();

    RequiredSecrets(InstallPlan plan) {
        for (Step step : plan.steps()) {
            for (SecretSpec s : step.component().secrets()) {
                if (!s.generated()) madeByComponents.add(namespace(s, step.component()) + "/" + s.name());
            }
        }
    }

    /** {@code namespace/name} of each Secret {@code c} needs that the team must create, sorted. */
    List<String> of(Component c) {
        var names = new TreeSet<String>();
        for (SecretSpec s : c.secrets()) {
            if (!s.generated()) continue;
            names.add(namespace(s, c) + "/" + s.name());
            s.alsoIn().forEach(ns -> names.add(ns + "/" + s.name()));
        }
        named(c.values(), c.namespace(), names);
        names.removeAll(madeByComponents);
        return List.copyOf(names);
    }

    /** Every Secret any step needs, with the steps that need it, in plan order. */
    Map<String, List<String>> all(InstallPlan plan) {
        var needed = new LinkedHashMap<String, List<String>>();
        for (Step step : plan.steps()) {
            of(step.component()).forEach(s -> needed.computeIfAbsent(s, k -> new ArrayList<>()).add(step.name()));
        }
        return needed;
    }

    private static void named(Object value, String namespace, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof String name && NAME_KEY.matcher(String.valueOf(k)).matches() && !name.isBlank()) {
                    names.add(namespace + "/" + name);
                } else {
                    named(v, namespace, names);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> named(v, namespace, names));
        }
    }

    private static String namespace(SecretSpec s, Component c) {
        return s.namespace() != null ? s.namespace() : c.namespace();
    }
}

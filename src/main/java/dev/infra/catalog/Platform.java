package dev.infra.catalog;

import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import java.util.List;
import java.util.Map;

/**
 * The catalog as one profile (and the user's {@code infra.yaml}) shape it: every component with
 * its final settings, in catalog order, enabled or not.
 *
 * @param contexts        the kube context patterns in force: infra.yaml's when it sets some, else the profile's
 * @param profileContexts the profile's own patterns, which infra.yaml may only widen with the user's consent
 * @param confirm         a production profile: changing a cluster with it needs a confirmation
 */
public record Platform(String profile, String description, List<String> contexts, List<String> profileContexts,
                       Map<String, String> settings, List<Component> components, boolean confirm) {

    public List<Component> enabled() {
        return components.stream().filter(Component::isEnabled).toList();
    }

    public Component component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException(Suggestions.unknown("component", name, names())));
    }

    public List<String> names() {
        return components.stream().map(Component::name).toList();
    }

    /** Whether this profile may be applied to the kube context {@code context}. */
    public boolean allowsContext(String context) {
        return matchesAny(contexts, context);
    }

    /**
     * Whether {@code context} is accepted only because infra.yaml changed a production profile's
     * contexts: a file found in the working directory must not decide that alone.
     */
    public boolean widenedTo(String context) {
        return confirm && allowsContext(context) && !matchesAny(profileContexts, context);
    }

    private static boolean matchesAny(List<String> patterns, String context) {
        return patterns.isEmpty() || patterns.stream().anyMatch(glob -> new ContextPattern(glob).matches(context));
    }
}

package dev.infra.catalog;

import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The catalog as one profile (and the user's {@code infra.yaml}) shape it: every component with
 * its final settings, in catalog order, enabled or not.
 *
 * @param confirm a production profile: changing a cluster with it needs a confirmation
 */
public record Platform(String profile, String description, List<String> contexts,
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
        return contexts.isEmpty() || contexts.stream().anyMatch(glob ->
                FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(context)));
    }
}

package dev.infra.catalog;

import java.util.List;
import java.util.Map;

/**
 * An overlay on the catalog, helmfile-style: a profile from {@code profiles.yaml}, or a user's
 * {@code infra.yaml}. Component entries are merged field by field into the catalog's (maps
 * merge, lists and scalars replace); an entry with a name the catalog lacks adds a component.
 *
 * @param profile  in {@code infra.yaml} only: the profile to use when {@code --profile} is absent
 * @param contexts kube context names (patterns such as {@code kind-*}, see {@link ContextPattern}) this profile may be applied to
 * @param settings named values that catalog values use as {@code ${name}} (ingress class, ...)
 * @param extendsProfile in profiles.yaml: a profile whose settings and overrides come first
 * @param confirm  true for production profiles: {@code up} and {@code down} ask first (or need
 *                 {@code --yes}) and refuse a context outside {@code contexts} even when named
 */
public record Layer(String description, String profile, List<String> contexts,
                    Map<String, String> settings, List<String> enable, List<String> disable,
                    Map<String, Component> components, Boolean confirm,
                    @com.fasterxml.jackson.annotation.JsonProperty("extends") String extendsProfile) {

    public Layer {
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        enable = enable == null ? List.of() : List.copyOf(enable);
        disable = disable == null ? List.of() : List.copyOf(disable);
        components = components == null ? Map.of() : components;
    }
}

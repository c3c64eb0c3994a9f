package dev.infra.catalog;

import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The components infra knows ({@code catalog.yaml}) and the profiles that shape them
 * ({@code profiles.yaml}). {@link #resolve} layers a profile and the user's {@code infra.yaml}
 * over the catalog and checks the result, so that nothing later meets a half-valid component.
 */
public final class Catalog {
    record CatalogFile(List<Component> components) {
    }

    record ProfilesFile(Map<String, Layer> profiles) {
    }

    private final YamlDocument catalog;
    private final YamlDocument profiles;
    private final Map<String, Layer> profileLayers;

    public Catalog(YamlDocument catalog, YamlDocument profiles) {
        this.catalog = catalog;
        this.profiles = profiles;
        catalog.bind(CatalogFile.class);
        var file = profiles.bind(ProfilesFile.class);
        this.profileLayers = file.profiles() == null ? Map.of() : file.profiles();
    }

    /** The catalog and profiles shipped inside the jar. */
    public static Catalog bundled() {
        return new Catalog(YamlDocument.parse("catalog.yaml", resource("/catalog.yaml")),
                YamlDocument.parse("profiles.yaml", resource("/profiles.yaml")));
    }

    public List<String> profileNames() {
        return List.copyOf(profileLayers.keySet());
    }

    public String profileDescription(String name) {
        return profileLayer(name).description();
    }

    /**
     * The platform for {@code profileName} (or, when null, the one {@code userFile} names),
     * with the user's {@code infra.yaml} over it when there is one.
     */
    public Platform resolve(String profileName, Optional<YamlDocument> userFile) {
        Layer user = userFile.map(doc -> doc.bind(Layer.class)).orElse(null);
        String name = profileName != null ? profileName
                : user != null && user.profile() != null ? user.profile() : "minikube";
        Layer profile = profileLayer(name);

        var resolution = new Resolution(baseComponents());
        Map<String, String> settings = new LinkedHashMap<>();
        for (String layer : profileChain(name)) {
            resolution.apply(profiles, "/profiles/" + layer, profiles.tree().get("profiles").get(layer));
            settings.putAll(profileLayer(layer).settings());
        }
        userFile.ifPresent(doc -> resolution.apply(doc, "", doc.tree()));
        if (user != null) settings.putAll(user.settings());
        var contexts = user != null && !user.contexts().isEmpty() ? user.contexts() : profile.contexts();
        var components = resolution.components(settings);
        new CatalogValidator(resolution::error).validate(components);
        // an infra.yaml can ask for confirmation, not waive the profile's
        boolean confirm = Boolean.TRUE.equals(profile.confirm()) || user != null && Boolean.TRUE.equals(user.confirm());
        return new Platform(name, profile.description(), contexts, profile.contexts(), Map.copyOf(settings), components, confirm);
    }

    /** {@code name} after the profiles it extends, the most basic first. */
    private List<String> profileChain(String name) {
        var chain = new java.util.ArrayDeque<String>();
        for (String p = name; p != null; p = profileLayer(p).extendsProfile()) {
            if (chain.contains(p)) throw profiles.error("/profiles/" + name + "/extends", "profiles extend each other in a circle: " + p);
            if (!profileLayers.containsKey(p)) {
                throw profiles.error("/profiles/" + chain.peekFirst() + "/extends", Suggestions.unknown("profile", p, profileNames()));
            }
            chain.addFirst(p);
        }
        return List.copyOf(chain);
    }

    private Layer profileLayer(String name) {
        Layer layer = profileLayers.get(name);
        if (layer == null) throw new ConfigException(Suggestions.unknown("profile", name, profileNames()));
        return layer;
    }

    private Map<String, ObjectNode> baseComponents() {
        Map<String, ObjectNode> components = new LinkedHashMap<>();
        JsonNode list = catalog.tree().path("components");
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i).path("name").asString("");
            if (name.isEmpty()) throw catalog.error("/components/" + i, "a component needs a name");
            if (components.put(name, (ObjectNode) list.get(i).deepCopy()) != null) {
                throw catalog.error("/components/" + i + "/name", "component '" + name + "' is defined twice");
            }
        }
        return components;
    }

    /** The catalog's components while layers are merged into them, remembering who set what. */
    private final class Resolution {
        private final Map<String, ObjectNode> components;
        private final Map<String, List<Origin>> origins = new HashMap<>();

        private record Origin(YamlDocument doc, String pointer) {
        }

        Resolution(Map<String, ObjectNode> components) {
            this.components = components;
            JsonNode list = catalog.tree().path("components");
            for (int i = 0; i < list.size(); i++) {
                origins.computeIfAbsent(list.get(i).path("name").asString(), k -> new ArrayList<>())
                        .add(new Origin(catalog, "/components/" + i));
            }
        }

        void apply(YamlDocument doc, String prefix, JsonNode layer) {
            layer.path("components").properties().forEach(entry -> {
                String name = entry.getKey();
                String pointer = prefix + "/components/" + name;
                ObjectNode overlay = (ObjectNode) entry.getValue();
                ObjectNode component = components.computeIfAbsent(name, k -> YamlDocument.MAPPER.createObjectNode().put("name", k));
                // like helm's -f before --set: the files first, then this layer's own values over them
                mergeValuesFiles(doc, pointer + "/valuesFiles", overlay.path("valuesFiles"), component);
                merge(component, overlay);
                origins.computeIfAbsent(name, k -> new ArrayList<>()).add(new Origin(doc, pointer));
            });
            switchComponents(doc, prefix + "/enable", layer.path("enable"), true);
            switchComponents(doc, prefix + "/disable", layer.path("disable"), false);
        }

        private void mergeValuesFiles(YamlDocument doc, String pointer, JsonNode files, ObjectNode component) {
            for (int i = 0; i < files.size(); i++) {
                Path file = doc.resolve(files.get(i).asString());
                if (!Files.isRegularFile(file)) throw doc.error(pointer + "/" + i, "no values file " + file);
                JsonNode values = component.path("values");
                ObjectNode target = values instanceof ObjectNode object ? object : component.putObject("values");
                merge(target, (ObjectNode) YamlDocument.read(file).tree());
            }
        }

        private void switchComponents(YamlDocument doc, String pointer, JsonNode names, boolean on) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).asString();
                ObjectNode component = components.get(name);
                if (component == null) {
                    throw doc.error(pointer + "/" + i, Suggestions.unknown("component", name, components.keySet()));
                }
                component.put("enabled", on);
            }
        }

        List<Component> components(Map<String, String> settings) {
            var result = new ArrayList<Component>();
            components.forEach((name, node) -> {
                new Settings(settings, (field, message) -> error(name, field, message))
                        .substitute(node.path("values"), "values");
                try {
                    result.add(YamlDocument.MAPPER.treeToValue(node, Component.class));
                } catch (tools.jackson.core.JacksonException e) {
                    throw error(name, "", e.getOriginalMessage());
                }
            });
            return result;
        }

        /** An error about {@code field} of a component, at the last file that set that field. */
        ConfigException error(String component, String field, String message) {
            var trail = origins.getOrDefault(component, List.of());
            String pointer = field.isEmpty() ? "" : "/" + field.replace('.', '/');
            for (int i = trail.size() - 1; i >= 0; i--) {
                Origin origin = trail.get(i);
                if (!origin.doc.tree().at(origin.pointer + pointer).isMissingNode()) {
                    return origin.doc.error(origin.pointer + pointer, "component '" + component + "': " + message);
                }
            }
            return trail.isEmpty() ? new ConfigException("component '" + component + "': " + message)
                    : trail.get(0).doc.error(trail.get(0).pointer, "component '" + component + "': " + message);
        }
    }

    /** Maps merge key by key; anything else in the overlay replaces what the base had. */
    static void merge(ObjectNode base, ObjectNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                base.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
    }

    private static String resource(String name) {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.infra.catalog;

import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One YAML file of the catalog, a profile or a user's {@code infra.yaml}, kept with the line of
 * every field so that any error can name the file, the line and the field.
 */
public final class YamlDocument {
    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().addDeserializer(Duration.class, new ShortDuration()))
            .build();

    private final String origin;
    private final String text;
    private final JsonNode tree;
    private final Path directory;
    private Map<JsonPointer, Integer> lines;

    private YamlDocument(String origin, String text, JsonNode tree, Path directory) {
        this.origin = origin;
        this.text = text;
        this.tree = tree;
        this.directory = directory;
    }

    /** Parses {@code text}; {@code origin} names it in errors (a path, or {@code catalog.yaml}). */
    public static YamlDocument parse(String origin, String text) {
        return parse(origin, text, Path.of(""));
    }

    /** Reads and parses {@code file}; paths in it are relative to its directory. */
    public static YamlDocument read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static YamlDocument parse(String origin, String text, Path directory) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) tree = MAPPER.createObjectNode();
            if (!tree.isObject()) throw new ConfigException(origin + ":1: expected a mapping of fields");
            return new YamlDocument(origin, text, tree, directory);
        } catch (JacksonException e) {
            throw new ConfigException(origin + ":" + line(e) + ": malformed YAML: "
                    + String.join("; ", e.getOriginalMessage().strip().lines().map(String::strip)
                    // SnakeYAML adds a quote of the input with a caret; the line number says it better
                    .filter(l -> !l.isEmpty() && !l.equals("^") && !l.startsWith("in reader")).toList()), e);
        }
    }

    public String origin() {
        return origin;
    }

    public JsonNode tree() {
        return tree;
    }

    /** {@code path} as this file means it: relative to its directory (the working directory for files inside the jar). */
    Path resolve(String path) {
        return directory.resolve(path);
    }

    /** Binds the whole file to {@code type}; unknown fields and wrong types name their line. */
    public <T> T bind(Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            var known = e.getKnownPropertyIds().stream().map(Object::toString).toList();
            throw error(pointer(e), Suggestions.unknown("field", e.getPropertyName(), known));
        } catch (JacksonException e) {
            throw error(pointer(e), firstLine(e.getOriginalMessage()));
        }
    }

    /** An error about the value at {@code pointer} (e.g. {@code /enable/2}), with its line. */
    public ConfigException error(String pointer, String message) {
        JsonPointer at = JsonPointer.compile(pointer);
        Integer line = null;
        for (JsonPointer p = at; p != null && line == null; p = p.head()) line = lines().get(p);
        String field = pointer.isEmpty() ? "" : " " + pointer.substring(1).replace('/', '.') + ":";
        return new ConfigException(origin + ":" + (line == null ? 1 : line) + ":" + field + " " + message);
    }

    /** The line of every field; read again only when an error needs one, to keep start-up quick. */
    private Map<JsonPointer, Integer> lines() {
        if (lines == null) {
            lines = new HashMap<>();
            try (JsonParser parser = MAPPER.createParser(text)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    lines.putIfAbsent(parser.streamReadContext().pathAsPointer(), parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    private static int line(JacksonException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    /** Where a binding error is, as a JSON pointer (records bind from a buffer without lines). */
    private static String pointer(JacksonException e) {
        var pointer = new StringBuilder();
        for (var ref : e.getPath()) {
            pointer.append('/').append(ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex());
        }
        return pointer.toString();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Durations in YAML as people write them; see {@link Durations}. */
    static final class ShortDuration extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            if (!Durations.valid(text)) {
                return (Duration) context.handleWeirdStringValue(Duration.class, text,
                        "expected a duration such as 90s, 10m or 1h30m");
            }
            return Durations.parse(text);
        }
    }
}

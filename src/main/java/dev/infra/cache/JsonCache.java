package dev.infra.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values computed before, one JSON file per key in a directory, shared by infra's processes. What
 * is kept must never be secret. A cache that cannot be read or written only costs computing again.
 *
 * @param <T> records (a field missing or null in a file makes it damaged, not a default)
 */
public final class JsonCache<T> {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private final Path dir;
    private final TypeReference<T> type;

    public JsonCache(Path dir, TypeReference<T> type) {
        this.dir = dir;
        this.type = type;
    }

    /** The entry of {@code key}; empty when there is none or it cannot be read whole. */
    public Optional<T> read(String key) {
        try {
            return Optional.ofNullable(JSON.readValue(dir.resolve(key + ".json").toFile(), type));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Writes the entry of {@code key} whole or not at all; a directory that cannot be written is left so. */
    public void write(String key, T value) {
        try {
            UserCache.writeWhole(dir.resolve(key + ".json"), JSON.writeValueAsBytes(value));
        } catch (IOException | JacksonException e) {
            // the next run computes it again
        }
    }
}

package dev.infra.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Writes the entry of {@code key} whole or not at all: other infra processes may read it
     * meanwhile, or write the same entry at once. A directory that cannot be written is left so.
     */
    public void write(String key, T value) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, key, ".tmp");
            JSON.writeValue(temp.toFile(), value);
            Files.move(temp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JacksonException e) {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray temporary file costs a few bytes; the next write does not read it
        }
    }
}

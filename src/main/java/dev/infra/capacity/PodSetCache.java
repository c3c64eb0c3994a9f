package dev.infra.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pods earlier renders of charts came to, one JSON file per key in a directory, so that a
 * rerun need not start helm for a chart whose inputs did not change. An entry holds only counts
 * and requests, no values (and the values it was rendered from hold only placeholders for
 * secrets): nothing in it is secret. A cache that cannot be read or written only costs a render.
 */
public final class PodSetCache {
    // a field missing or null is a damaged entry, not a pod that requests nothing
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();
    private static final TypeReference<List<PodSet>> ENTRY = new TypeReference<>() { };

    private final Path dir;

    public PodSetCache(Path dir) {
        this.dir = dir;
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/infra/capacity}, beside the helm that cli/infra finds there. */
    public static PodSetCache inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new PodSetCache(root.resolve("infra").resolve("capacity"));
    }

    /** The entry of {@code key}; empty when there is none or it cannot be read whole. */
    public Optional<List<PodSet>> read(String key) {
        try {
            return Optional.ofNullable(JSON.readValue(dir.resolve(key + ".json").toFile(), ENTRY));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the entry of {@code key} whole or not at all: other infra processes may read it
     * meanwhile, or write the same entry at once. A directory that cannot be written is left so.
     */
    public void write(String key, List<PodSet> pods) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, key, ".tmp");
            JSON.writeValue(temp.toFile(), pods);
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

package dev.infra.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.capacity.PodSet;
import dev.infra.capacity.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

class JsonCacheTest {
    private static final List<PodSet> PODS = List.of(
            new PodSet("web", "Deployment/web", 2, false, new Resources(250, 128L << 20), 0),
            new PodSet("web", "StatefulSet/db", 1, false, new Resources(500, 1L << 30), 8L << 30),
            new PodSet("web", "DaemonSet/agent", 1, true, Resources.NONE, 0));

    @TempDir
    Path dir;

    private static JsonCache<List<PodSet>> cache(Path dir) {
        return new JsonCache<>(dir, new TypeReference<>() { });
    }

    @Test
    void anEntryReadsBackAsItWasWrittenAndAWriteLeavesNoTemporaryFile() throws IOException {
        var cache = cache(dir.resolve("infra/capacity"));
        assertEquals(Optional.empty(), cache.read("k1"));
        cache.write("k1", PODS);
        assertEquals(Optional.of(PODS), cache.read("k1"));
        assertEquals(Optional.of(PODS), cache(dir.resolve("infra/capacity")).read("k1"), "another process reads it");
        cache.write("k1", PODS.subList(0, 1));
        assertEquals(Optional.of(PODS.subList(0, 1)), cache.read("k1"));
        try (var files = Files.list(dir.resolve("infra/capacity"))) {
            assertEquals(List.of("k1.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aDamagedEntryReadsAsNone() throws IOException {
        var cache = cache(dir);
        cache.write("k", PODS);
        String whole = Files.readString(dir.resolve("k.json"));
        for (String damaged : List.of(whole.substring(0, whole.length() / 2), "", "null", "not json",
                whole.replace("\"replicas\":2,", ""), whole.replace("\"component\":\"web\"", "\"component\":null"))) {
            Files.writeString(dir.resolve("k.json"), damaged);
            assertEquals(Optional.empty(), cache.read("k"), damaged);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoError() throws IOException {
        // a file where the directory would be: written by nobody, whoever runs the tests (root included)
        var cache = cache(Files.writeString(dir.resolve("capacity"), "").resolve("sub"));
        cache.write("k", PODS);
        assertEquals(Optional.empty(), cache.read("k"));
    }
}

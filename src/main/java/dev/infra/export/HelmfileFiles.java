package dev.infra.export;

import dev.infra.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What {@link Helmfile} writes: text files and copied chart directories, by path relative to the export's directory. */
public final class HelmfileFiles {
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Path> copies = new LinkedHashMap<>();

    void text(String path, String content) {
        texts.put(path, content);
    }

    void copy(String path, Path directory) {
        copies.put(path, directory);
    }

    public Map<String, String> texts() {
        return Map.copyOf(texts);
    }

    /** Writes everything under {@code dir}, replacing files of the same names. */
    public void writeTo(Path dir) {
        try {
            for (var text : texts.entrySet()) {
                Path file = dir.resolve(text.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, text.getValue());
            }
            for (var copy : copies.entrySet()) copyTree(copy.getValue(), dir.resolve(copy.getKey()));
        } catch (IOException e) {
            throw new ConfigException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

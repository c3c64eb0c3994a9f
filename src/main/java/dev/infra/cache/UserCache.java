package dev.infra.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where infra keeps what it can compute again: {@code ${XDG_CACHE_HOME:-~/.cache}/infra}, beside the helm cli/infra finds there. */
public final class UserCache {
    private UserCache() {
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/infra/NAME} */
    public static Path dir(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("infra").resolve(name);
    }

    /**
     * Writes {@code file} whole or not at all: other infra processes may read it meanwhile, or
     * write the same content at once. A temporary file left by a failure is removed.
     */
    public static void writeWhole(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

package dev.infra.cache;

import java.nio.file.Path;

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
}

package dev.infra.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory that holds infra's charts/ and manifests/: set by the launcher, else found from the jar. */
public final class InfraHome {
    private InfraHome() {
    }

    public static Path path() {
        String property = System.getProperty("infra.home");
        if (property != null) return Path.of(property);
        try {
            // target/infra.jar or target/classes -> the checkout
            Path code = Path.of(InfraHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = code.getParent().getParent();
            return Files.isDirectory(home.resolve("charts")) ? home : Path.of("").toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}

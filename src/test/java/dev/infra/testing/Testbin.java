package dev.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The directory of test cluster binaries that scripts/testbin.sh builds, named by INFRA_TESTBIN. */
public final class Testbin {
    public static final String VARIABLE = "INFRA_TESTBIN";

    private Testbin() {
    }

    public static Optional<Path> directory() {
        return Optional.ofNullable(System.getenv(VARIABLE)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** A binary from INFRA_TESTBIN, such as helm; fails with what to do when there is none. */
    public static Path binary(String name) {
        Path dir = directory().orElseThrow(() -> new IllegalStateException(
                VARIABLE + " is not set; run the tests with scripts/test.sh, which builds " + name + " and sets it"));
        Path binary = dir.resolve(name);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no executable " + binary + "; run scripts/testbin.sh");
        }
        return binary;
    }
}

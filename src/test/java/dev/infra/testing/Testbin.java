package dev.infra.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The directory of test cluster binaries that scripts/testbin.sh builds, named by INFRA_TESTBIN. */
public final class Testbin {
    public static final String VARIABLE = "INFRA_TESTBIN";

    private Testbin() {
    }

    public static Optional<Path> directory() {
        return Optional.ofNullable(System.getenv(VARIABLE)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /**
     * The helm infra runs in this test run: INFRA_HELM when set (scripts/test.sh's helm 3 pass
     * sets it), else helm 4 from {@link #binary}.
     */
    public static Path helm() {
        return Optional.ofNullable(System.getenv("INFRA_HELM")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> binary("helm"));
    }

    /** The newest helm 3, whatever {@link #helm} is: for releases helm 3 installed and helm 4 upgrades. */
    public static Path helm3() {
        return binary("helm3");
    }

    /**
     * A binary such as kwokctl: from INFRA_TESTBIN when set, else from PATH (for a run against
     * INFRA_TEST_KUBECONFIG without scripts/test.sh); fails with what to do when there is none.
     */
    public static Path binary(String name) {
        Stream<Path> dirs = directory().map(Stream::of).orElseGet(() -> Stream.of(
                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).map(Path::of));
        return dirs.map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("no executable " + name + " in "
                        + directory().map(Path::toString).orElse("PATH")
                        + "; run the tests with scripts/test.sh, which builds it and sets " + VARIABLE));
    }
}

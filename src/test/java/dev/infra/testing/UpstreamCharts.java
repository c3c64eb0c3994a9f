package dev.infra.testing;

import dev.infra.catalog.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real upstream charts in ../shared/upstream-charts (see its README), as users install them. */
public final class UpstreamCharts {
    public static final Path DIR = Path.of("../shared/upstream-charts").toAbsolutePath().normalize();

    private UpstreamCharts() {
    }

    /** {@code <chart>-<version>.tgz}; fails (never skips) when it is missing. */
    public static Path chart(String chart, String version) {
        Path file = DIR.resolve(chart + "-" + version + ".tgz");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file.getFileName() + " in " + DIR
                    + "; the cluster tests install the real charts from there (CI has it at the same place)");
        }
        return file;
    }

    /** Whether a helm chart of the catalog is here, at the version it pins. */
    public static boolean has(Source source) {
        return (source.kind() == Source.Kind.HELM_REPO || source.kind() == Source.Kind.OCI)
                && Files.isRegularFile(DIR.resolve(source.chartName() + "-" + source.version() + ".tgz"));
    }

    /** One file of a packaged chart, such as a CRD under {@code charts/crds/crds/}. */
    public static String file(Path chart, String path) {
        try {
            Process tar = new ProcessBuilder("tar", "-xzOf", chart.toString(), path).redirectErrorStream(true).start();
            String content = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("cannot read " + path + " from " + chart + ": " + content);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

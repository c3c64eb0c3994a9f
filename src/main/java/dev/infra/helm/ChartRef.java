package dev.infra.helm;

import dev.infra.catalog.Source;
import dev.infra.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The arguments that tell helm which chart to install: a repository chart at a pinned version,
 * an OCI reference, a chart of this project, or a packaged {@code .tgz} from a local chart
 * source directory (for clusters without internet access).
 *
 * @param files the chart's directory or archive on this machine, whose bytes are the chart;
 *              null for a chart helm downloads (its repository and version name it)
 */
public record ChartRef(List<String> args, String display, Path files) {

    public static ChartRef of(Source source, Path home, Path chartSource) {
        return switch (source.kind()) {
            case HELM_REPO, OCI -> chartSource != null
                    ? packaged(chartSource, source.chartName(), source.version())
                    : new ChartRef(source.kind() == Source.Kind.OCI
                            ? List.of(source.oci(), "--version", source.version())
                            : List.of(source.chart(), "--repo", source.repo(), "--version", source.version()),
                    source.display(), null);
            case LOCAL_CHART -> local(home.resolve(source.path()));
            case MANIFESTS, URLS -> throw new IllegalArgumentException(source.display() + " is not a chart");
        };
    }

    private static ChartRef packaged(Path dir, String chart, String version) {
        // helm package names files <chart>-<version>.tgz; a leading v in tags (v1.21.1) is kept
        Path tgz = dir.resolve(chart + "-" + version + ".tgz");
        if (!Files.isRegularFile(tgz)) {
            throw new ConfigException("chart source " + dir + " has no " + tgz.getFileName()
                    + " (helm pull " + chart + " --version " + version + " where internet is available)");
        }
        return new ChartRef(List.of(tgz.toString()), tgz.getFileName().toString(), tgz);
    }

    private static ChartRef local(Path chart) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new ConfigException("no chart at " + chart + " (is infra's home right? it holds charts/)");
        }
        return new ChartRef(List.of(chart.toString()), chart.getFileName().toString(), chart);
    }
}

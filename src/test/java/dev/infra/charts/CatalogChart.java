package dev.infra.charts;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.testing.UpstreamCharts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A catalog component under one profile whose chart is here: one of this project's, or the real
 * upstream chart in ../shared/upstream-charts. Its values are the catalog's after the profile's
 * settings were substituted, as the engine passes them.
 *
 * @param chart the chart's directory or packaged archive
 */
record CatalogChart(Platform platform, Component component, String chart) {

    /** Every component with a chart of this project, under every profile that installs it. */
    static Stream<CatalogChart> underEveryProfile() {
        return everyProfile().flatMap(platform -> platform.enabled().stream()
                .filter(c -> c.source().kind() == Source.Kind.LOCAL_CHART)
                .map(c -> new CatalogChart(platform, c, c.source().path())));
    }

    /** Every component whose chart ../shared/upstream-charts holds, under every profile that installs it. */
    static Stream<CatalogChart> upstreamUnderEveryProfile() {
        return everyProfile().flatMap(platform -> platform.enabled().stream()
                .filter(c -> UpstreamCharts.has(c.source()))
                .map(c -> new CatalogChart(platform, c, UpstreamCharts.chart(c.source().chartName(), c.source().version()).toString())));
    }

    static CatalogChart of(String profile, String component) {
        Platform platform = Catalog.bundled().resolve(profile, Optional.empty());
        Component c = platform.component(component);
        return new CatalogChart(platform, c, c.source().path());
    }

    private static Stream<Platform> everyProfile() {
        Catalog catalog = Catalog.bundled();
        return catalog.profileNames().stream().map(profile -> catalog.resolve(profile, Optional.empty()));
    }

    String setting(String name) {
        return platform.settings().get(name);
    }

    void lint(HelmBinary helm) {
        helm.run(withValues("lint", "--strict", chart, "--namespace", component.namespace()));
    }

    /** {@code helm template} with the catalog's values, plus {@code extra} arguments (--set ...). */
    KubeObjects template(HelmBinary helm, String... extra) {
        var args = new ArrayList<>(List.of(withValues("template", component.release(), chart,
                "--namespace", component.namespace())));
        args.addAll(List.of(extra));
        return KubeObjects.parse(helm.run(args.toArray(String[]::new)));
    }

    private String[] withValues(String... args) {
        try {
            Path values = Files.createTempFile(component.name() + "-" + platform.profile() + "-", ".yaml");
            values.toFile().deleteOnExit();
            Files.writeString(values, KubeObjects.YAML.writeValueAsString(component.values()));
            return Stream.concat(Stream.of(args), Stream.of("--values", values.toString())).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return platform.profile() + "/" + component.name();
    }
}

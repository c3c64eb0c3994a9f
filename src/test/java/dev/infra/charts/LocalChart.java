package dev.infra.charts;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A catalog component whose source is a chart of this project, under one profile: its values
 * are the catalog's after the profile's settings were substituted, as the engine passes them.
 */
record LocalChart(Platform platform, Component component) {

    static Stream<LocalChart> underEveryProfile() {
        Catalog catalog = Catalog.bundled();
        return catalog.profileNames().stream()
                .map(profile -> catalog.resolve(profile, Optional.empty()))
                .flatMap(platform -> platform.components().stream()
                        .filter(c -> c.source().kind() == Source.Kind.LOCAL_CHART)
                        .map(c -> new LocalChart(platform, c)));
    }

    static LocalChart of(String profile, String component) {
        Platform platform = Catalog.bundled().resolve(profile, Optional.empty());
        return new LocalChart(platform, platform.component(component));
    }

    String setting(String name) {
        return platform.settings().get(name);
    }

    void lint(HelmBinary helm) {
        helm.run(withValues("lint", "--strict", component.source().path(), "--namespace", component.namespace()));
    }

    /** {@code helm template} with the catalog's values, plus {@code extra} arguments (--set ...). */
    KubeObjects template(HelmBinary helm, String... extra) {
        var args = new ArrayList<>(List.of(withValues("template", component.release(), component.source().path(),
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

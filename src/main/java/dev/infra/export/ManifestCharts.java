package dev.infra.export;

import dev.infra.catalog.Component;
import dev.infra.catalog.Source;
import dev.infra.run.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain manifests as a chart helm can install: the objects {@code infra up} would apply (placeholders
 * filled in for the profile, upstream role bindings pointed at the install namespace), as the
 * chart's only template. helm puts namespaced objects that name none in the release's namespace,
 * as infra does.
 */
final class ManifestCharts {
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final Helmfile.Request request;
    private final Manifests manifests;

    ManifestCharts(Helmfile.Request request) {
        this.request = request;
        this.manifests = new Manifests(null, request.home(), request.chartSource());
    }

    /** Adds the chart of {@code c} to {@code files} and returns its directory. */
    String write(Component c, HelmfileFiles files) {
        String dir = "manifests/" + c.name();
        String text = manifests.text(c, request.platform().settings());
        List<HasMetadata> objects = objects(text);
        if (c.source().kind() == Source.Kind.URLS) objects.forEach(o -> Manifests.bindServiceAccountsHere(o, c.namespace()));
        files.text(dir + "/Chart.yaml", Helmfile.YAML.writeValueAsString(Helmfile.map("apiVersion", "v2", "name", c.name(),
                "description", "The manifests of " + c.source().display() + ", as infra applies them",
                "version", version(c.source()))));
        files.text(dir + "/templates/manifests.yaml", objects.stream().map(serialization::asYaml)
                // the objects are not templates: helm must print braces as they are
                .map(yaml -> yaml.replace("{{", "{{ \"{{\" }}"))
                .collect(Collectors.joining("\n")));
        return dir;
    }

    @SuppressWarnings("unchecked")
    private List<HasMetadata> objects(String text) {
        Object parsed = serialization.unmarshal(text);
        if (parsed instanceof List<?> list) return list.stream().map(o -> (HasMetadata) o).collect(Collectors.toList());
        return parsed == null ? List.of() : List.of((HasMetadata) parsed);
    }

    /** A chart's version must be SemVer: an upstream's pinned one without its v, else 0.0.0. */
    private static String version(Source source) {
        if (source.version() == null) return "0.0.0";
        return source.version().startsWith("v") ? source.version().substring(1) : source.version();
    }
}

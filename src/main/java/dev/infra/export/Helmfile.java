package dev.infra.export;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.helm.ChartRef;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A plan as a helmfile: one release per step, in the step's namespace, with its pinned chart
 * version, {@code needs:} from the plan's needs, and its values in a file beside helmfile.yaml.
 * helm waits for each release ({@code helmDefaults.wait}), or {@code needs:} would wait for
 * nothing to be ready. This project's charts are copied in; plain manifests (this project's, or an
 * upstream's at pinned URLs) become small charts of their own, filled in for the profile. Secret
 * values are left out as in the Argo CD export: each values file names what it lacks, and the
 * Secrets to create first are listed at the top ({@link RequiredSecrets}).
 */
public final class Helmfile {
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.SPLIT_LINES, YAMLWriteFeature.WRITE_DOC_START_MARKER).build();
    private static final int TIMEOUT_SECONDS = 600;

    /**
     * @param home        infra's home, with charts/ and manifests/
     * @param chartSource packaged charts and upstream manifests to use instead of the internet; null for none
     */
    public record Request(Platform platform, InstallPlan plan, Path home, Path chartSource) {
    }

    public HelmfileFiles export(Request request) {
        var files = new HelmfileFiles();
        var repositories = new LinkedHashMap<String, Map<String, Object>>();
        var releases = new ArrayList<Map<String, Object>>();
        var required = new RequiredSecrets(request.plan());
        var manifests = new ManifestCharts(request);
        for (Step step : request.plan().steps()) {
            Component c = step.component();
            var release = map("name", c.release(), "namespace", c.namespace());
            release.putAll(chart(c, request, repositories, files, manifests));
            List<String> needs = step.needs().stream().map(n -> needed(request.plan(), n)).toList();
            if (!needs.isEmpty()) release.put("needs", needs);
            valuesFile(c, required.of(c), files).ifPresent(file -> release.put("values", List.of(file)));
            releases.add(release);
        }
        var helmfile = map("helmDefaults", map("wait", true, "timeout", TIMEOUT_SECONDS, "createNamespace", true));
        if (!repositories.isEmpty()) helmfile.put("repositories", List.copyOf(repositories.values()));
        helmfile.put("releases", releases);
        files.text("helmfile.yaml", header(request, required) + YAML.writeValueAsString(helmfile));
        return files;
    }

    /** The Secrets the releases need that the export does not create, each with the releases that need it. */
    public Map<String, List<String>> requiredSecrets(InstallPlan plan) {
        return new RequiredSecrets(plan).all(plan);
    }

    private static Map<String, Object> chart(Component c, Request request, Map<String, Map<String, Object>> repositories,
                                             HelmfileFiles files, ManifestCharts manifests) {
        Source s = c.source();
        return switch (s.kind()) {
            case HELM_REPO, OCI -> request.chartSource() != null
                    ? map("chart", ChartRef.of(s, request.home(), request.chartSource()).files().toString())
                    : map("chart", repositoryChart(c, repositories), "version", s.version());
            case LOCAL_CHART -> {
                String copy = "charts/" + s.chartName();
                files.copy(copy, request.home().resolve(s.path()));
                yield map("chart", "./" + copy);
            }
            case MANIFESTS, URLS -> map("chart", "./" + manifests.write(c, files));
        };
    }

    /** {@code repository/chart}; a repository is named after the first component that uses it. */
    private static String repositoryChart(Component c, Map<String, Map<String, Object>> repositories) {
        Source s = c.source();
        if (s.kind() == Source.Kind.OCI) return s.oci();
        var repository = repositories.computeIfAbsent(s.repo(), url -> map("name", c.name(), "url", url));
        return repository.get("name") + "/" + s.chart();
    }

    /** helmfile names a needed release {@code namespace/name}. */
    private static String needed(InstallPlan plan, String component) {
        Component c = plan.steps().stream().map(Step::component).filter(x -> x.name().equals(component))
                .findFirst().orElseThrow();
        return c.namespace() + "/" + c.release();
    }

    private static Optional<String> valuesFile(Component c, List<String> requiredSecrets, HelmfileFiles files) {
        var values = new SecretFreeValues(c.values());
        if (values.values().isEmpty() && values.left().isEmpty()) return Optional.empty();
        var comments = new StringBuilder("# values of " + c.name() + " as infra installs it\n");
        values.left().forEach(left -> comments.append("# left out, set it before syncing: ").append(left).append('\n'));
        requiredSecrets.forEach(s -> comments.append("# needs Secret ").append(s).append(", which this export does not create\n"));
        String file = "values/" + c.name() + ".yaml";
        files.text(file, comments + YAML.writeValueAsString(values.values()));
        return Optional.of(file);
    }

    private static String header(Request request, RequiredSecrets required) {
        var header = new StringBuilder("# Written by `infra export helmfile` from profile ")
                .append(request.plan().profile()).append(": the releases `infra up` installs, in the same order.\n");
        required.all(request.plan()).forEach((secret, needers) -> header.append("# create Secret ").append(secret)
                .append(" before syncing ").append(String.join(", ", needers)).append("; the export does not\n"));
        return header.toString();
    }

    static LinkedHashMap<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}

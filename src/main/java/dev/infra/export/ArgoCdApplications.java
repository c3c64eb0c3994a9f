package dev.infra.export;

import dev.infra.catalog.Component;
import dev.infra.catalog.Source;
import dev.infra.errors.ConfigException;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as Argo CD {@code Application}s, one per step, whose sync wave is the step's wave: the
 * same order, driven by Argo CD instead of {@code infra up}. Helm charts keep their repository,
 * version and values (inline); this project's charts and manifests come from a git repository.
 * Secret values are never written: values that refer to a secret are left out and named in an
 * annotation, so the team provides them (sealed or external secrets) before syncing; so are the
 * Secrets an Application needs that Argo CD will not create ({@link RequiredSecrets}).
 */
public final class ArgoCdApplications {
    public static final String WAVE = "argocd.argoproj.io/sync-wave";
    public static final String SECRET_VALUES = "infra.dev/secret-values";
    public static final String NOTE = "infra.dev/note";
    public static final String REQUIRED_SECRETS = "infra.dev/required-secrets";

    /** @param repo the git repository holding this project's charts/ and manifests/; null if none is needed */
    public record Request(InstallPlan plan, String repo, String argoNamespace) {
    }

    public List<Map<String, Object>> export(Request request) {
        var required = new RequiredSecrets(request.plan());
        return request.plan().steps().stream().map(step -> application(step, request, required)).toList();
    }

    /**
     * The Secrets ({@code namespace/name}) the Applications need that the export does not create,
     * each with the Applications that need it: what the team must create before syncing.
     */
    public Map<String, List<String>> requiredSecrets(InstallPlan plan) {
        return new RequiredSecrets(plan).all(plan);
    }

    private Map<String, Object> application(Step step, Request request, RequiredSecrets required) {
        Component c = step.component();
        var annotations = new LinkedHashMap<String, Object>();
        annotations.put(WAVE, String.valueOf(step.wave()));
        var values = new SecretFreeValues(c.values());
        if (!values.left().isEmpty()) annotations.put(SECRET_VALUES, String.join("; ", values.left()));
        var secrets = required.of(c);
        if (!secrets.isEmpty()) annotations.put(REQUIRED_SECRETS, String.join(", ", secrets));

        var source = source(c, request, values.values(), annotations);
        var metadata = map("name", c.name(), "namespace", request.argoNamespace(), "annotations", annotations,
                "labels", map("app.kubernetes.io/managed-by", "infra", "infra.dev/profile", request.plan().profile()));
        var spec = map("project", "default", "source", source,
                "destination", map("server", "https://kubernetes.default.svc", "namespace", c.namespace()),
                "syncPolicy", map("automated", map("selfHeal", true),
                        "syncOptions", List.of("CreateNamespace=true", "ServerSideApply=true")));
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application", "metadata", metadata, "spec", spec);
    }

    private static Map<String, Object> source(Component c, Request request, Map<String, Object> values,
                                              Map<String, Object> annotations) {
        Source s = c.source();
        var helm = map("releaseName", c.release(), "valuesObject", values);
        return switch (s.kind()) {
            case HELM_REPO -> map("repoURL", s.repo(), "chart", s.chart(), "targetRevision", s.version(), "helm", helm);
            case OCI -> {
                String ref = s.oci().substring("oci://".length());
                yield map("repoURL", ref.substring(0, ref.lastIndexOf('/')), "chart", s.chartName(),
                        "targetRevision", s.version(), "helm", helm);
            }
            case LOCAL_CHART -> map("repoURL", repo(request, c), "path", s.path(), "targetRevision", "HEAD", "helm", helm);
            case MANIFESTS -> {
                annotations.put(NOTE, "infra fills ${setting} and ${namespace} placeholders when it applies "
                        + s.manifests() + "; commit that directory with them filled in for profile " + request.plan().profile());
                yield map("repoURL", repo(request, c), "path", s.manifests(), "targetRevision", "HEAD");
            }
            case URLS -> {
                String path = "upstream/" + s.chart() + "-" + s.version();
                annotations.put(NOTE, "commit " + String.join(" ", s.urls()) + " under " + path);
                yield map("repoURL", repo(request, c), "path", path, "targetRevision", "HEAD");
            }
        };
    }

    private static String repo(Request request, Component c) {
        if (request.repo() == null) {
            throw new ConfigException("component '" + c.name() + "' comes from this project's files ("
                    + c.source().display() + "): pass --repo URL, the git repository that holds them");
        }
        return request.repo();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}

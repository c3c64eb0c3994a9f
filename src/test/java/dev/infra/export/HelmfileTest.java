package dev.infra.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.PlanRequest;
import dev.infra.plan.Planner;
import dev.infra.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

class HelmfileTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static HelmfileFiles export(String profile) {
        Platform platform = Catalog.bundled().resolve(profile, Optional.empty());
        InstallPlan plan = new Planner().plan(PlanRequest.all(platform));
        return new Helmfile().export(new Helmfile.Request(platform, plan, Path.of("").toAbsolutePath(), null));
    }

    static InstallPlan plan(String profile) {
        return new Planner().plan(PlanRequest.all(Catalog.bundled().resolve(profile, Optional.empty())));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> releases(HelmfileFiles files) {
        Map<String, Object> helmfile = YAML.readValue(files.texts().get("helmfile.yaml"), Map.class);
        return (List<Map<String, Object>>) helmfile.get("releases");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eks", "aks-prod"})
    void eachReleaseNeedsWhatItsStepNeedsAsNamespaceSlashRelease(String profile) {
        var releases = releases(export(profile));
        var steps = plan(profile).steps();
        assertEquals(steps.stream().map(s -> s.component().release()).toList(),
                releases.stream().map(r -> r.get("name")).toList());
        for (int i = 0; i < steps.size(); i++) {
            List<String> expected = steps.get(i).needs().stream().map(n -> component(steps, n))
                    .map(c -> c.namespace() + "/" + c.release()).toList();
            assertEquals(expected, releases.get(i).getOrDefault("needs", List.of()), steps.get(i).name());
            assertEquals(steps.get(i).component().namespace(), releases.get(i).get("namespace"));
        }
    }

    @Test
    void repositoryChartsArePinnedToTheCatalogsVersionAndHelmWaits() {
        var files = export("eks");
        var releases = releases(files);
        var steps = plan("eks").steps();
        for (int i = 0; i < steps.size(); i++) {
            Component c = steps.get(i).component();
            var release = releases.get(i);
            if (c.source().kind() == Source.Kind.HELM_REPO) {
                assertEquals(c.source().version(), release.get("version"), c.name());
                assertTrue(((String) release.get("chart")).endsWith("/" + c.source().chart()), c.name());
            }
        }
        Map<?, ?> helmfile = YAML.readValue(files.texts().get("helmfile.yaml"), Map.class);
        assertEquals(true, ((Map<?, ?>) helmfile.get("helmDefaults")).get("wait"));
    }

    @Test
    void valuesThatReferToASecretAreLeftOutAndNamedInTheValuesFile() {
        String values = export("aks-prod").texts().get("values/argo-cd.yaml");
        assertTrue(values.contains("# left out, set it before syncing: configs.secret.extra.oidc.dex.clientSecret"
                + " <- secret argocd-oidc/client-secret"), values);
        assertFalse(values.contains("${secret:"), values);
        assertTrue(values.contains("issuer: https://dex.example.com"), values);
    }

    private static Component component(List<Step> steps, String name) {
        return steps.stream().map(Step::component).filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}

package dev.infra.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.Catalog;
import dev.infra.cli.Main;
import dev.infra.plan.PlanRequest;
import dev.infra.plan.Planner;
import dev.infra.plan.Step;
import dev.infra.testing.ArgoCdCrd;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Exported Argo CD Applications, server-side applied to a real API server with the Application CRD. */
@KubeTest
class ExportArgoCdTest {

    @ParameterizedTest
    @ValueSource(strings = {"eks", "aks-prod", "minikube"})
    void exportedApplicationsAreAcceptedAndKeepThePlansWaves(String profile, TestNamespace ns, @TempDir Path dir) throws IOException {
        ArgoCdCrd.ensure(ns.client());
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "argocd", "--profile", profile,
                "--repo", "https://git.example.com/platform.git", "--argocd-namespace", ns.name(), "--dir", dir.toString());
        assertEquals(0, code, err.toString());

        var apps = ns.client().genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace(ns.name());
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    var app = ns.client().getKubernetesSerialization().unmarshal(in, GenericKubernetesResource.class);
                    apps.resource(app).fieldManager("infra-test").forceConflicts().serverSideApply();
                }
            }
        }

        var plan = new Planner().plan(PlanRequest.all(Catalog.bundled().resolve(profile, Optional.empty())));
        Map<String, String> expected = plan.steps().stream()
                .collect(Collectors.toMap(Step::name, s -> String.valueOf(s.wave())));
        Map<String, String> stored = apps.list().getItems().stream()
                .filter(a -> profile.equals(a.getMetadata().getLabels().get("infra.dev/profile")))
                .collect(Collectors.toMap(a -> a.getMetadata().getName(),
                        a -> a.getMetadata().getAnnotations().get(ArgoCdApplications.WAVE)));
        assertEquals(expected, stored);
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import dev.infra.testing.UpstreamCharts;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every object of this project's charts and manifests, under every profile, is accepted by a
 * real API server (server-side apply, dry run), custom resources included once the CRDs of their
 * operators are installed: from the real charts of ../shared/upstream-charts, else from stand-ins.
 */
@KubeTest
class ServerAcceptsEverythingTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void everyChartAndManifestUnderEveryProfileIsAcceptedByTheApiServer(TestNamespace ns) throws Exception {
        KubernetesClient client = ns.client();
        var created = installOperatorCrds(client);
        try {
            acceptsEverything(client, ns);
        } finally {
            created.forEach(name -> client.apiextensions().v1().customResourceDefinitions().withName(name).delete());
        }
    }

    private static void acceptsEverything(KubernetesClient client, TestNamespace ns) throws Exception {
        var manifests = new Manifests(client, HOME, null);
        var rejected = new TreeSet<String>();
        int accepted = 0;
        Catalog catalog = Catalog.bundled();
        for (String profile : catalog.profileNames()) {
            Platform platform = catalog.resolve(profile, Optional.empty());
            for (Component c : platform.components()) {
                List<HasMetadata> objects = switch (c.source().kind()) {
                    case MANIFESTS -> manifests.objects(c, manifests.text(c, platform.settings()));
                    case LOCAL_CHART -> manifests.objects(c, template(c, HOME.resolve(c.source().path())));
                    default -> List.of();
                };
                for (HasMetadata object : objects) {
                    // into the test's own namespace, so that what other tests installed cannot interfere
                    if (object.getMetadata().getNamespace() != null) object.getMetadata().setNamespace(ns.name());
                    try {
                        client.resource(object).dryRun().fieldManager("infra").forceConflicts().serverSideApply();
                        accepted++;
                    } catch (KubernetesClientException e) {
                        rejected.add(profile + "/" + c.name() + ": " + object.getKind() + " " + object.getMetadata().getName()
                                + ": " + e.getMessage().lines().findFirst().orElse(""));
                    }
                }
            }
        }
        System.out.println(accepted + " objects accepted by the API server");
        assertEquals(new TreeSet<String>(), rejected);
        assertTrue(accepted > 100, "too few objects were checked: " + accepted);
    }

    /** {@code helm template} of {@code chart} with the component's values, CRDs of a chart's crds/ included. */
    private static String template(Component c, Path chart) throws IOException, InterruptedException {
        Path values = Files.createTempFile("values-", ".yaml");
        try {
            Files.writeString(values, ValuesFile.yaml(c.values()));
            var process = new ProcessBuilder(Testbin.helm().toString(), "template", c.release(),
                    chart.toString(), "--namespace", c.namespace(), "--values", values.toString(), "--include-crds")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0, "helm template failed for " + c.name());
            return out;
        } finally {
            Files.delete(values);
        }
    }

    /**
     * The CRDs the operators' charts bring: those the cluster lacks, so that a CRD a helm release
     * installed keeps helm as its only owner (helm 4's server-side apply of that release would fail
     * on fields this test took). Returns the names it created.
     */
    private static List<String> installOperatorCrds(KubernetesClient client) throws IOException, InterruptedException {
        var created = new ArrayList<String>();
        for (String yaml : operatorCrdSources()) {
            for (HasMetadata object : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
                if (!(object instanceof CustomResourceDefinition crd) || client.resource(crd).get() != null) continue;
                client.resource(crd).create();
                created.add(crd.getMetadata().getName());
                client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                        .waitUntilCondition(d -> d != null && d.getStatus() != null && d.getStatus().getConditions() != null && d.getStatus().getConditions().stream()
                                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 30, TimeUnit.SECONDS);
            }
        }
        return created;
    }

    /** The real charts rendered with the ci profile's values, and the stand-ins' plain CRD files. */
    private static List<String> operatorCrdSources() throws IOException, InterruptedException {
        var sources = new ArrayList<String>();
        for (Component c : Catalog.bundled().resolve("ci", Optional.empty()).enabled()) {
            if (UpstreamCharts.has(c.source())) {
                sources.add(template(c, UpstreamCharts.chart(c.source().chartName(), c.source().version())));
            }
        }
        try (Stream<Path> files = Files.walk(HOME.resolve("src/test/standins"))) {
            // plain YAML only: templates/ holds Go templates
            for (Path file : files.filter(f -> f.toString().matches(".*/crds/.*\\.ya?ml|.*-v1\\.yml")).toList()) {
                String text = Files.readString(file);
                if (text.contains("kind: CustomResourceDefinition")) sources.add(text);
            }
        }
        return sources;
    }
}

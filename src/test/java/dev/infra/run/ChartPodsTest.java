package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.capacity.PodSet;
import dev.infra.cache.JsonCache;
import dev.infra.capacity.Resources;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.helm.Helm;
import dev.infra.kube.KubeTarget;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import dev.infra.testing.Testbin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import org.junit.jupiter.api.io.TempDir;

/** The capacity check renders a chart again only when something helm template depends on changed (helm, no cluster). */
class ChartPodsTest {
    private static final String HELM = "helm v4.3.2, infra 1";
    private static final Map<String, Object> ONE = Map.of("replicas", 1, "password", "${secret:hello/password}");

    @TempDir
    Path home;
    private Path cache;
    /** How many times helm ran. */
    private final AtomicInteger helmRuns = new AtomicInteger();

    @BeforeEach
    void copyTheChart() throws IOException {
        cache = home.resolve("cache");
        Path chart = Files.createDirectories(home.resolve("charts/hello/templates"));
        try (Stream<Path> files = Files.walk(ValuesFileTest.HELLO)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, chart.getParent().resolve(ValuesFileTest.HELLO.relativize(file)));
            }
        }
    }

    private List<PodSet> pods(String helmBinary, String renderer, Map<String, Object> values) {
        var helm = new Helm(helmBinary, new KubeTarget(null, null), new SecretMask(), command -> helmRuns.incrementAndGet());
        var hello = new Component("hello", null, null, new Source(null, null, null, null, "charts/hello", null, null, null), null,
                "apps", null, null, null, values, null, null, null, null, null, null, null, null, null);
        var platform = new Platform("ci", null, List.of(), List.of(), Map.of(), List.of(hello), false);
        var plan = new InstallPlan("ci", List.of(new Step(hello, 1, List.of(), List.of())), List.of(), Duration.ZERO, List.of());
        var warnings = new ArrayList<String>();
        try (var dir = ValuesDirectory.open(home.resolve("values"), "1-1", id -> true)) {
            var pods = PlannedPods.of(new InstallRequest(platform, plan, home, null, 1, false, null),
                    new ChartPods(helm, renderer, new JsonCache<>(cache, new TypeReference<>() { })), dir, warnings::add);
            assertEquals(List.of(), warnings);
            return pods;
        }
    }

    private List<PodSet> pods(String renderer, Map<String, Object> values) {
        return pods(Testbin.helm().toString(), renderer, values);
    }

    private static List<PodSet> hello(int replicas) {
        return List.of(new PodSet("hello", "Deployment/hello", replicas, false, Resources.NONE, 0));
    }

    @Test
    void aSecondComputationWithUnchangedInputsRunsNoHelmAndGivesTheSamePods() {
        assertEquals(hello(1), pods(HELM, ONE));
        assertEquals(1, helmRuns.get());
        assertEquals(hello(1), pods(home.resolve("no-helm").toString(), HELM, Map.of("replicas", 1, "password", "${secret:hello/password}")));
        assertEquals(1, helmRuns.get(), "helm did not run again");
    }

    @Test
    void aChangedValueChartOrHelmVersionRendersAgain() throws IOException {
        pods(HELM, ONE);
        assertEquals(hello(3), pods(HELM, Map.of("replicas", 3, "password", "${secret:hello/password}")));
        assertEquals(2, helmRuns.get());

        Path template = home.resolve("charts/hello/templates/deployment.yaml");
        Files.writeString(template, Files.readString(template).replace("default 1", "default 1 | add 1"));
        assertEquals(hello(2), pods(HELM, ONE));
        assertEquals(3, helmRuns.get());

        pods("helm v4.3.3, infra 1", ONE);
        assertEquals(4, helmRuns.get());
        pods(HELM, ONE);
        assertEquals(4, helmRuns.get(), "each of them is remembered");
    }

    @Test
    void aCorruptEntryRendersAgainAndIsReplaced() throws IOException {
        pods(HELM, ONE);
        Path entry;
        try (Stream<Path> entries = Files.list(cache)) {
            entry = entries.findFirst().orElseThrow();
        }
        String whole = Files.readString(entry);
        Files.writeString(entry, whole.substring(0, whole.length() / 2));
        assertEquals(hello(1), pods(HELM, ONE));
        assertEquals(2, helmRuns.get());
        assertEquals(whole, Files.readString(entry));
    }
}

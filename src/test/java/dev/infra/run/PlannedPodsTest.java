package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.capacity.PodSet;
import dev.infra.capacity.Resources;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pods a plan would run, counted before anything is installed (manifests only: no helm needed). */
class PlannedPodsTest {
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: site}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - name: web
                    resources: {requests: {cpu: 250m, memory: 128Mi}}
            """;

    @TempDir
    Path home;

    static Component manifests(String name, String dir) {
        return new Component(name, null, null, new Source(null, null, null, null, null, dir, null, null), null, "apps", null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void everyComponentsPodsAreCountedAndOneThatCannotBeRenderedIsLeftOutWithAWarning() throws IOException {
        Files.createDirectories(home.resolve("manifests/site"));
        Files.writeString(home.resolve("manifests/site/10-site.yaml"), DEPLOYMENT);
        var site = manifests("site", "manifests/site");
        var broken = manifests("broken", "manifests/missing");
        var platform = new Platform("ci", null, List.of(), List.of(), Map.of(), List.of(site, broken), false);
        var plan = new InstallPlan("ci", List.of(new Step(site, 1, List.of(), List.of()), new Step(broken, 1, List.of(), List.of())),
                List.of(), Duration.ZERO, List.of());
        var request = new InstallRequest(platform, plan, home, null, 0, false, null);
        var warnings = new ArrayList<String>();
        try (var dir = ValuesDirectory.open(home.resolve("values"), "1-1", id -> true)) {
            var pods = PlannedPods.of(request, null, dir, warnings::add);
            assertEquals(List.of(new PodSet("site", "Deployment/site", 2, false, new Resources(250, 128L << 20), 0)), pods);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot render broken to count its requests: "), warnings.get(0));
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.run.UpCommandTest.Run;
import dev.infra.testing.AlsoWithHelm3;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.StandIns;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole catalog of the ci profile, installed by {@code infra up} from the real charts of
 * ../shared/upstream-charts (Keycloak's operator manifests, which it lacks, from their stand-in;
 * scripts/standins.sh), with the simulator playing the operators: order, parallelism, no-op reruns, and
 * recovery from a run killed midway. The catalog's namespaces are fixed and shared with
 * {@link UpCommandTest}, so every first install here is {@code --force}.
 */
@KubeTest
@NeedsSimulation("the simulator plays the operators; pods are kwok's")
@AlsoWithHelm3
class FullCatalogTest {
    private static final Random RANDOM = new Random();

    @TempDir
    static Path chartSource;

    @BeforeAll
    static void packageStandIns() throws IOException, InterruptedException {
        StandIns.packageInto(chartSource);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void upInstallsTheWholeCatalogInDependencyOrderInParallelThenARerunAndADiffChangeNothing(TestNamespace ns) {
        Map<String, List<String>> needs = plannedNeeds(ns);
        var outputs = new ArrayList<String>();

        var first = up(ns, outputs, "--force", "-o", "json");
        assertEquals(0, first.code(), first.all());
        assertEquals(new TreeSet<>(needs.keySet()), new TreeSet<>(first.finished("installed")), first.out());
        Map<String, Instant> started = times(first, "started");
        Map<String, Instant> finished = times(first, "finished");
        needs.forEach((step, its) -> its.forEach(need -> assertFalse(started.get(step).isBefore(finished.get(need)),
                step + " started at " + started.get(step) + ", before " + need + " finished at " + finished.get(need))));
        assertTrue(overlapping(needs.keySet(), started, finished) > 0, "no two steps ran at the same time: " + first.out());

        var second = up(ns, outputs, "-o", "json");
        assertEquals(0, second.code(), second.all());
        assertEquals(new TreeSet<>(needs.keySet()), new TreeSet<>(second.finished("unchanged")), second.out());
        System.out.printf("full catalog: up %.1fs (%d pairs of steps overlapped), no-op rerun %.1fs%n", seconds(first),
                overlapping(needs.keySet(), started, finished), seconds(second));
        assertTrue(second.took().compareTo(Duration.ofSeconds(20)) < 0, "a no-op rerun is quick, took " + second.took());

        var status = UpCommandTest.infra(ns.kubeconfig(), "status", "--profile", "ci");
        outputs.add(status.all());
        assertEquals(0, status.code(), "all healthy: " + status.all());
        var diff = UpCommandTest.infra(ns.kubeconfig(), "diff", "--profile", "ci", "--chart-source", chartSource.toString());
        outputs.add(diff.all());
        assertEquals(0, diff.code(), "after up, nothing to change: " + diff.all());
        assertNoSecretIn(ns.client(), outputs);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theMinikubeProfilesValuesInstallFromTheRealChartsAndBecomeHealthy(TestNamespace ns) {
        // the minikube profile is for the context minikube: naming another is how a user points it elsewhere
        String context = ns.client().getConfiguration().getCurrentContext().getName();
        var outputs = new ArrayList<String>();
        // from nothing: claims the ci profile made smaller cannot grow (only dynamically provisioned ones can)
        var down = infra(outputs, ns, "down", "--yes", "--delete-data", "--profile", "minikube", "--context", context);
        assertEquals(0, down.code(), down.all());
        plannedSteps(ns, "minikube").stream().map(s -> s.path("namespace").asString()).distinct()
                .filter(namespace -> !down.out().contains("kept namespace " + namespace + ","))
                .forEach(namespace -> ns.client().namespaces().withName(namespace).waitUntilCondition(n -> n == null, 2, TimeUnit.MINUTES));
        var first = infra(outputs, ns, "up", "--profile", "minikube", "--context", context, "--chart-source",
                chartSource.toString(), "--force", "-o", "json");
        assertEquals(0, first.code(), first.all());
        assertEquals(new TreeSet<>(plannedSteps(ns, "minikube").stream().map(s -> s.path("component").asString()).toList()),
                new TreeSet<>(first.finished("installed")), first.out());

        var status = infra(outputs, ns, "status", "--profile", "minikube", "--context", context);
        assertEquals(0, status.code(), "all healthy: " + status.all());
        var rerun = infra(outputs, ns, "up", "--profile", "minikube", "--context", context, "--chart-source",
                chartSource.toString(), "-o", "json");
        assertEquals(0, rerun.code(), rerun.all());
        assertEquals(List.of(), rerun.finished("installed"), "a rerun with the same values changes nothing: " + rerun.out());
        assertNoSecretIn(ns.client(), outputs);
    }

    private static Run infra(List<String> outputs, TestNamespace ns, String... args) {
        var run = UpCommandTest.infra(ns.kubeconfig(), args);
        outputs.add(run.all());
        return run;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void upKilledMidwayAgainAndAgainConvergesOnTheNextRun(TestNamespace ns) throws IOException, InterruptedException {
        Set<String> namespaces = plannedSteps(ns).stream().map(s -> s.path("namespace").asString()).collect(Collectors.toSet());
        var outputs = new ArrayList<String>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int kills = 0;
        for (int round = 0; round < 4 && Instant.now().isBefore(deadline); round++) {
            // the first step starts seconds after the JVM, and helm runs during the next five or more
            long delay = RANDOM.nextInt(4000);
            var killed = upInAnotherJvmKilledAfter(ns, Duration.ofMillis(delay));
            outputs.add(killed.output());
            if (killed.killed()) kills++;
            System.out.printf("kill round %d: %s%n", round + 1, killed.killed() ? "killed after " + killed.after().toMillis()
                    + "ms, during " + killed.during() + ", " + killed.output().lines().filter(l -> l.contains("\"started\"")).count()
                    + " steps started" : "finished first");
        }
        assertTrue(kills > 0, "no run was killed midway: " + outputs);
        var pending = pendingReleases(ns.client(), namespaces);

        var after = up(ns, outputs, "-v");
        assertEquals(0, after.code(), after.all());
        var repairs = after.out().lines().filter(l -> l.contains("by an interrupted run")).toList();
        System.out.printf("after %d kills leaving %s pending, up converged in %.1fs; %s%n", kills, pending, seconds(after), repairs);
        assertEquals(pending.size(), repairs.size(), "each pending release is repaired: " + after.out());
        var status = UpCommandTest.infra(ns.kubeconfig(), "status", "--profile", "ci");
        outputs.add(status.all());
        assertEquals(0, status.code(), "all healthy: " + status.all());
        assertNoSecretIn(ns.client(), outputs);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void downDeleteDataAfterAWholeInstallRemovesEveryComponentAndDeletesTheNamespacesItEmptied(TestNamespace ns) {
        var steps = plannedSteps(ns);
        Set<String> namespaces = steps.stream().map(s -> s.path("namespace").asString()).collect(Collectors.toSet());
        Set<String> components = steps.stream().map(s -> s.path("component").asString()).collect(Collectors.toSet());
        Set<String> releases = steps.stream().map(s -> s.path("release").asString("")).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        var installed = up(ns, new ArrayList<>(), "--force");
        assertEquals(0, installed.code(), installed.all());

        var down = UpCommandTest.infra(ns.kubeconfig(), "down", "--yes", "--delete-data", "--profile", "ci");
        assertEquals(0, down.code(), down.all());
        for (String namespace : namespaces) {
            // what other tests installed into these shared namespaces (cloud profiles' components) is not ci's to remove
            var records = ns.client().configMaps().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by", "infra")
                    .list().getItems().stream().map(c -> c.getMetadata().getName().substring("infra-state-".length()))
                    .filter(components::contains).toList();
            assertEquals(List.of(), records, "install records of removed components in " + namespace);
            var revisions = ns.client().secrets().inNamespace(namespace).withLabel("owner", "helm").list().getItems().stream()
                    .map(r -> r.getMetadata().getLabels().get("name")).filter(releases::contains).toList();
            assertEquals(List.of(), revisions, "helm releases of removed components in " + namespace);
            if (down.out().contains("kept namespace " + namespace + ",")) continue;
            // gone before the next test, which may install into it again
            var left = ns.client().namespaces().withName(namespace).waitUntilCondition(n -> n == null, 2, TimeUnit.MINUTES);
            assertNull(left, namespace + " goes: " + down.out());
        }
    }

    private static Run up(TestNamespace ns, List<String> outputs, String... args) {
        var all = new ArrayList<>(List.of("up", "--profile", "ci", "--chart-source", chartSource.toString()));
        all.addAll(List.of(args));
        var run = UpCommandTest.infra(ns.kubeconfig(), all.toArray(String[]::new));
        outputs.add(run.all());
        return run;
    }

    record Killed(boolean killed, Duration after, String during, String output) {
    }

    /**
     * {@code infra up --force} in a JVM of its own, SIGKILLed with the helm it runs, if still running
     * {@code delay} after its first step started: as soon as helm next stores a release as pending
     * (or a few seconds later).
     */
    private static Killed upInAnotherJvmKilledAfter(TestNamespace ns, Duration delay) throws IOException, InterruptedException {
        Path log = Files.createTempFile("infra-up", ".log");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Instant start = Instant.now();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.infra.cli.Main",
                    "up", "--force", "-v", "-o", "json", "--profile", "ci", "--chart-source", chartSource.toString(),
                    "--kubeconfig", ns.kubeconfig().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            while (process.isAlive() && !Files.readString(log).contains("\"started\"")) Thread.sleep(50);
            if (process.waitFor(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                assertEquals(0, process.exitValue(), "up in another JVM failed:\n" + Files.readString(log));
                return new Killed(false, null, null, Files.readString(log));
            }
            String during = awaitPendingRelease(ns.client());
            // as when a whole process group dies: the JVM and the helm it runs
            var children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(30, TimeUnit.SECONDS);
            return new Killed(true, Duration.between(start, Instant.now()), during, Files.readString(log));
        } finally {
            Files.delete(log);
        }
    }

    /** Waits up to a few seconds for helm to store a release as pending (the moment a kill hurts); says which. */
    private static String awaitPendingRelease(KubernetesClient client) throws InterruptedException {
        var pending = new ArrayBlockingQueue<String>(100);
        var watcher = new Watcher<Secret>() {
            @Override
            public void eventReceived(Action action, Secret secret) {
                var labels = secret.getMetadata().getLabels();
                if (labels.getOrDefault("status", "").startsWith("pending-")) pending.offer(labels.get("name") + " " + labels.get("status"));
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
        var releases = client.secrets().inAnyNamespace().withLabel("owner", "helm");
        // from now on: releases a killed run left pending earlier do not count
        String now = releases.list(new ListOptionsBuilder().withLimit(1L).build()).getMetadata().getResourceVersion();
        try (var watch = releases.watch(new ListOptionsBuilder().withResourceVersion(now).build(), watcher)) {
            String release = pending.poll(3, TimeUnit.SECONDS);
            return release == null ? "readiness waits" : "helm with " + release;
        }
    }

    /** Helm releases in {@code namespaces} whose newest revision is pending, as a killed helm leaves them. */
    private static List<String> pendingReleases(KubernetesClient client, Set<String> namespaces) {
        var newest = new TreeMap<String, Secret>();
        for (Secret revision : client.secrets().inAnyNamespace().withLabel("owner", "helm").list().getItems()) {
            if (!namespaces.contains(revision.getMetadata().getNamespace())) continue;
            String release = revision.getMetadata().getNamespace() + "/" + revision.getMetadata().getLabels().get("name");
            newest.merge(release, revision, (a, b) -> version(a) > version(b) ? a : b);
        }
        return newest.entrySet().stream().filter(e -> e.getValue().getMetadata().getLabels().get("status").startsWith("pending-"))
                .map(e -> e.getKey() + " " + e.getValue().getMetadata().getLabels().get("status")).toList();
    }

    private static int version(Secret revision) {
        return Integer.parseInt(revision.getMetadata().getLabels().get("version"));
    }

    /** The steps of {@code infra plan --profile ci -o json}: the whole catalog. */
    private static List<JsonNode> plannedSteps(TestNamespace ns) {
        return plannedSteps(ns, "ci");
    }

    private static List<JsonNode> plannedSteps(TestNamespace ns, String profile) {
        var plan = UpCommandTest.infra(ns.kubeconfig(), "plan", "--profile", profile, "-o", "json");
        assertEquals(0, plan.code(), plan.all());
        var steps = new ArrayList<JsonNode>();
        JsonMapper.shared().readTree(plan.out()).path("steps").forEach(steps::add);
        assertTrue(steps.size() > 15, "the " + profile + " profile installs the whole catalog: " + plan.out());
        return steps;
    }

    /** Each planned component and the components it needs. */
    private static Map<String, List<String>> plannedNeeds(TestNamespace ns) {
        var needs = new HashMap<String, List<String>>();
        for (JsonNode step : plannedSteps(ns)) {
            var its = new ArrayList<String>();
            step.path("needs").forEach(need -> its.add(need.asString()));
            needs.put(step.path("component").asString(), its);
        }
        return needs;
    }

    private static Map<String, Instant> times(Run run, String event) {
        var times = new HashMap<String, Instant>();
        run.events().stream().filter(e -> e.path("event").asString().equals(event))
                .forEach(e -> times.put(e.path("component").asString(), Instant.parse(e.path("time").asString())));
        return times;
    }

    /** How many pairs of steps were running at the same moment. */
    private static int overlapping(Set<String> steps, Map<String, Instant> started, Map<String, Instant> finished) {
        var names = new ArrayList<>(steps);
        int pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String b = names.get(j);
                if (started.get(a).isBefore(finished.get(b)) && started.get(b).isBefore(finished.get(a))) pairs++;
            }
        }
        return pairs;
    }

    /** No value of a secret infra generated appears in any output (fixed user names such as "admin" are not secret). */
    private static void assertNoSecretIn(KubernetesClient client, List<String> outputs) {
        var secrets = client.secrets().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "infra").list().getItems();
        assertFalse(secrets.isEmpty(), "infra generated no secrets");
        int checked = 0;
        for (var secret : secrets) {
            for (var entry : secret.getData().entrySet()) {
                String value = new String(Base64.getDecoder().decode(entry.getValue()), StandardCharsets.UTF_8);
                if (value.length() < 12) continue;
                checked++;
                for (String output : outputs) {
                    assertFalse(output.contains(value), "the value of " + secret.getMetadata().getNamespace() + "/"
                            + secret.getMetadata().getName() + " key " + entry.getKey() + " was printed");
                }
            }
        }
        assertTrue(checked > 0, "no generated secret value to look for");
    }

    private static double seconds(Run run) {
        return run.took().toMillis() / 1000.0;
    }
}

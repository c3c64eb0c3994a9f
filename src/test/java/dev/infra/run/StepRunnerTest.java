package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.SecretSpec;
import dev.infra.catalog.Source;
import dev.infra.errors.LockHeldException;
import dev.infra.errors.ReadinessTimeoutException;
import dev.infra.helm.HelmException;
import dev.infra.kube.InstallState.Revision;
import dev.infra.readiness.CheckStatus;
import dev.infra.readiness.ReadinessCheck;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one step of {@code infra up} does to the cluster, and when it does nothing, over fakes. */
class StepRunnerTest {
    static final Source CHART = new Source("https://charts.example.org", null, "web", "1.2.3", null, null, null, null);
    static final Source MANIFESTS = new Source(null, null, null, null, null, "manifests/site", null, null);
    static final ReadinessCheck DEPLOYMENT = ReadinessCheck.of("Deployment", "web", null);

    /** Ready or not as told; remembers what was awaited. */
    static final class FakeReadiness implements ComponentReadiness {
        boolean ready = true;
        RuntimeException awaitFailure;
        final List<String> awaited = new ArrayList<>();

        @Override
        public List<ReadinessCheck> checks(Component c, Consumer<String> note) {
            return List.of(DEPLOYMENT);
        }

        @Override
        public List<CheckStatus> now(List<ReadinessCheck> checks, String namespace) {
            return checks.stream().map(check -> new CheckStatus(check, ready, false, ready ? "ready" : "0 of 1 updated")).toList();
        }

        @Override
        public void await(String component, List<ReadinessCheck> checks, String namespace, Duration timeout) {
            if (awaitFailure != null) throw awaitFailure;
            awaited.add(component + " in " + namespace + " by " + checks.size() + " check within " + timeout.toSeconds() + "s");
        }
    }

    @TempDir
    Path home;
    @TempDir
    Path values;
    final KubernetesClient offline = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
    final FakeCluster cluster = new FakeCluster();
    final FakeSecrets secrets = new FakeSecrets();
    final FakeReadiness readiness = new FakeReadiness();
    final List<String> namespaces = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    final SecretMask mask = new SecretMask();
    Runnable confirmLockHeld = () -> { };
    boolean force;

    @AfterEach
    void close() {
        offline.close();
    }

    static Component component(String name, Source source, Map<String, Object> values, SecretSpec... secrets) {
        return new Component(name, null, null, source, null, "apps", null, null, null, values, null, List.of(secrets), null, null,
                null, null, Duration.ofSeconds(90), null, null);
    }

    static Component web() {
        return component("web", CHART, Map.of("replicas", 2));
    }

    StepOutcome install(Component c, boolean interrupted) {
        var platform = new Platform("ci", null, List.of(), List.of(), Map.of("domain", "example.test"), List.of(c), false);
        var request = new InstallRequest(platform, null, home, null, 1, force, null);
        var step = new StepCluster(namespaces::add, secrets, cluster, cluster, cluster, readiness);
        var progress = new Progress() {
            @Override
            public void started(String component, String action) {
                started.add(component + " " + action);
            }

            @Override
            public void note(String component, String message) {
                notes.add(component + ": " + message);
            }

            @Override
            public void finished(StepOutcome outcome) {
            }

            @Override
            public void summary(List<StepOutcome> outcomes, Duration took, boolean interrupted) {
            }
        };
        try (var dir = ValuesDirectory.open(values, "1-1", id -> true)) {
            return new StepRunner(request, step, new Manifests(offline, cluster, home, null), progress, mask,
                    new Retry(3, Duration.ZERO, pause -> { }), dir, confirmLockHeld).install(c, () -> interrupted);
        }
    }

    StepOutcome install(Component c) {
        return install(c, false);
    }

    @Test
    void aChartIsInstalledWaitedForAndOnlyThenRecorded() {
        var outcome = install(web());
        assertEquals(StepOutcome.Result.INSTALLED, outcome.result(), outcome.detail());
        assertEquals("ready", outcome.detail());
        assertEquals(List.of("helm upgrade --install apps/web", "record apps/web"), cluster.changes);
        assertEquals(List.of("web in apps by 1 check within 90s"), readiness.awaited);
        assertEquals(List.of("apps"), namespaces);
        assertEquals(List.of("web installing"), started);
    }

    @Test
    void anUnchangedDeployedAndReadyComponentIsLeftAlone() {
        install(web());
        cluster.changes.clear();
        var again = install(web());
        assertEquals(StepOutcome.Result.UNCHANGED, again.result());
        assertEquals("unchanged and ready", again.detail());
        assertEquals(List.of(), cluster.changes);
        assertEquals(List.of("web installing"), started, "the rerun does not say it installs");
    }

    @Test
    void changedValuesAreInstalledAgain() {
        install(web());
        cluster.changes.clear();
        install(component("web", CHART, Map.of("replicas", 3)));
        assertEquals(List.of("helm upgrade --install apps/web", "record apps/web"), cluster.changes);
    }

    @Test
    void anUnchangedComponentThatIsNotReadyIsInstalledAgain() {
        install(web());
        cluster.changes.clear();
        readiness.ready = false;
        assertEquals(StepOutcome.Result.INSTALLED, install(web()).result());
        assertEquals(List.of("helm upgrade --install apps/web", "record apps/web"), cluster.changes);
    }

    @Test
    void forceInstallsAnUnchangedComponentAgain() {
        install(web());
        cluster.changes.clear();
        force = true;
        assertEquals(StepOutcome.Result.INSTALLED, install(web()).result());
        assertEquals(List.of("helm upgrade --install apps/web", "record apps/web"), cluster.changes);
    }

    @Test
    void aComponentThatIsNotReadyInTimeFailsAndIsNotRecordedSoTheNextRunTriesAgain() {
        readiness.awaitFailure = new ReadinessTimeoutException("web: not ready after 90s: Deployment web: 0 of 1 updated");
        var outcome = install(web());
        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertEquals("web: not ready after 90s: Deployment web: 0 of 1 updated", outcome.detail());
        assertEquals(List.of("helm upgrade --install apps/web"), cluster.changes);
    }

    @Test
    void anInterruptedStepChangesNothing() {
        var outcome = install(web(), true);
        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertEquals("interrupted", outcome.detail());
        assertEquals(List.of(), cluster.changes);
        assertEquals(List.of(), started);
    }

    @Test
    void generatedSecretsAreMadeInTheComponentsNamespaceBeforeHelmRuns() {
        var admin = new SecretSpec("web-admin", null, List.of("password"), null, true, null, null, null);
        var itsOwn = new SecretSpec("web-tls", null, List.of("tls.crt"), null, false, null, null, null);
        install(component("web", CHART, Map.of(), admin, itsOwn));
        assertEquals(List.of("apps/web-admin"), secrets.applied);
        assertEquals("apps", namespaces.get(0));
    }

    @Test
    void secretValuesReachHelmResolvedAndAreMaskedInTheFailureAndRetryNotes() {
        secrets.with("apps", "web-admin", Map.of("password", "hunter2-long-secret"));
        cluster.upgradeFailures.add(new HelmException("helm upgrade", 1, "Error: connection reset by peer (password hunter2-long-secret)"));
        cluster.upgradeFailures.add(new HelmException("helm upgrade", 1, "Error: values rejected: hunter2-long-secret"));
        var outcome = install(component("web", CHART, Map.of("password", "${secret:web-admin/password}")));
        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertFalse(outcome.detail().contains("hunter2"), outcome.detail());
        assertTrue(outcome.detail().contains("values rejected: ******"), outcome.detail());
        assertEquals(1, notes.size(), "the transient failure was retried once");
        assertFalse(notes.get(0).contains("hunter2"), notes.get(0));
        assertTrue(notes.get(0).startsWith("web: "), notes.get(0));
    }

    @Test
    void aReleaseLeftPendingIsRolledBackToItsLastGoodRevisionBeforeTheUpgrade() {
        cluster.withRelease(web(), "", new Revision(3, "pending-upgrade"), new Revision(2, "deployed"));
        assertEquals(StepOutcome.Result.INSTALLED, install(web()).result());
        assertEquals(List.of("helm rollback apps/web 2", "helm upgrade --install apps/web", "record apps/web"), cluster.changes);
        assertEquals(List.of("web: release web was left pending-upgrade by an interrupted run; rolling back to revision 2"), notes);
    }

    @Test
    void aFirstInstallLeftPendingIsRemovedBeforeInstallingAgain() {
        cluster.withRelease(web(), "", new Revision(1, "pending-install"));
        install(web());
        assertEquals(List.of("helm uninstall apps/web", "helm upgrade --install apps/web", "record apps/web"), cluster.changes);
        assertEquals(List.of("web: release web was left pending-install by an interrupted run; removing it"), notes);
    }

    @Test
    void aPendingReleaseIsNotTouchedByARunThatLostTheLock() {
        cluster.withRelease(web(), "", new Revision(3, "pending-upgrade"), new Revision(2, "deployed"));
        confirmLockHeld = () -> {
            throw new LockHeldException("this run lost its lock to someone else");
        };
        var outcome = install(web());
        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertEquals("this run lost its lock to someone else", outcome.detail());
        assertEquals(List.of(), cluster.changes);
    }

    @Test
    void manifestsAreRecordedBeforeAnyIsAppliedThenAppliedInFileOrderAndWaitedFor() throws IOException {
        writeManifest("10-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: site-config}\ndata: {host: \"${domain}\"}\n");
        writeManifest("20-site.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: site}\n");
        var outcome = install(component("site", MANIFESTS, Map.of()));
        assertEquals(StepOutcome.Result.INSTALLED, outcome.result(), outcome.detail());
        assertEquals(List.of("record objects of apps/site", "apply ConfigMap apps/site-config", "apply Deployment apps/site",
                "record apps/site"), cluster.changes);
        assertEquals(List.of(), cluster.releases.keySet().stream().toList(), "manifests are no release");
    }

    @Test
    void anObjectOfAKindTheClusterDoesNotServeFailsTheStepBeforeAnythingIsApplied() throws IOException {
        writeManifest("10-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: site-config}\n");
        writeManifest("20-db.yaml", "apiVersion: postgres-operator.crunchydata.com/v1beta1\nkind: PostgresCluster\nmetadata: {name: db}\n");
        cluster.unserved.add("postgres-operator.crunchydata.com/v1beta1 PostgresCluster");
        var outcome = install(component("site", MANIFESTS, Map.of()));
        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertTrue(outcome.detail().startsWith("postgres-operator.crunchydata.com/v1beta1 PostgresCluster db is not served"), outcome.detail());
        assertEquals(List.of(), cluster.changes);
    }

    private void writeManifest(String file, String yaml) throws IOException {
        Path dir = Files.createDirectories(home.resolve("manifests/site"));
        Files.writeString(dir.resolve(file), yaml);
    }
}

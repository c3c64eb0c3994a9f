package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.SecretSpec;
import dev.infra.catalog.Source;
import dev.infra.helm.HelmException;
import dev.infra.kube.InstallState.Revision;
import dev.infra.kube.ObjectRef;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code infra down} removes and keeps, decided over a cluster in memory. */
class UninstallerTest {
    static final Source MANIFESTS = new Source(null, null, null, null, null, "manifests/site", null, null);
    static final Source CHART = new Source("https://charts.example.org", null, "pg", "1.0.0", null, null, null, null);
    static final ObjectRef NAMESPACE = new ObjectRef("v1", "Namespace", null, "web");
    static final ObjectRef CONFIG = new ObjectRef("v1", "ConfigMap", "web", "site-config");
    static final ObjectRef DEPLOYMENT = new ObjectRef("apps/v1", "Deployment", "web", "site");
    static final ObjectRef CLAIM = new ObjectRef("v1", "PersistentVolumeClaim", "web", "uploads");
    static final ObjectRef STATEFUL_SET = new ObjectRef("apps/v1", "StatefulSet", "web", "cache");
    static final String RENDERED = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: pg-data}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: pg}
            ---
            apiVersion: postgres-operator.crunchydata.com/v1beta1
            kind: PostgresCluster
            metadata: {name: pg, namespace: elsewhere}
            """;

    @TempDir
    Path home;
    // parsing needs no server; nothing may be asked of this one
    final KubernetesClient offline = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
    final FakeCluster cluster = new FakeCluster();
    final List<String> notes = new ArrayList<>();
    final List<StepOutcome> finished = new ArrayList<>();
    final SecretMask mask = new SecretMask();

    @AfterEach
    void close() {
        offline.close();
    }

    static Component component(String name, Source source, String namespace, Boolean data, SecretSpec... secrets) {
        return new Component(name, null, null, source, null, namespace, null, null, null, null, null, List.of(secrets), null, null,
                null, null, null, data, null);
    }

    static Component site(SecretSpec... secrets) {
        return component("site", MANIFESTS, "web", null, secrets);
    }

    static Component db() {
        return component("db", CHART, "data", null);
    }

    Uninstaller uninstaller() {
        var platform = new Platform("test", null, List.of(), List.of(), Map.of(), List.of(), false);
        var progress = new Progress() {
            @Override
            public void started(String component, String action) {
            }

            @Override
            public void note(String component, String message) {
                notes.add(component + ": " + message);
            }

            @Override
            public void finished(StepOutcome outcome) {
                finished.add(outcome);
            }

            @Override
            public void summary(List<StepOutcome> outcomes, java.time.Duration took, boolean interrupted) {
                notes.add("summary of " + outcomes.size());
            }
        };
        return new Uninstaller(platform, new Manifests(offline, home, null), cluster, cluster, cluster, cluster, progress, mask);
    }

    List<StepOutcome> down(boolean deleteData, Component... components) {
        return uninstaller().run(List.of(components), deleteData);
    }

    @Test
    void downRemovesWhatTheInstallAppliedNewestFirstAndForgetsTheRecord() {
        cluster.withRecord(site(), "d1").withObjects(site(), CONFIG, DEPLOYMENT);
        var outcomes = down(false, site());
        assertEquals(List.of("delete " + DEPLOYMENT, "delete " + CONFIG, "forget web/site"), cluster.changes);
        assertEquals(StepOutcome.Result.INSTALLED, outcomes.get(0).result());
        assertEquals("removed", outcomes.get(0).detail());
        assertEquals(outcomes, finished, "each removal is reported as it ends");
        assertEquals(List.of("summary of 1"), notes);
    }

    @Test
    void downKeepsClaimsAndNamespacesUnlessDeleteDataIsGiven() {
        cluster.withRecord(site(), "d1").withObjects(site(), NAMESPACE, CLAIM, STATEFUL_SET);
        down(false, site());
        assertEquals(List.of("delete " + STATEFUL_SET, "forget web/site"), cluster.changes);
    }

    @Test
    void downDeleteDataDeletesTheStatefulSetsClaimsAndItsClaimsAndLastTheEmptiedNamespace() {
        cluster.withRecord(site(), "d1").withObjects(site(), NAMESPACE, CLAIM, STATEFUL_SET);
        down(true, site());
        assertEquals(List.of("delete claims of " + STATEFUL_SET, "delete " + STATEFUL_SET, "delete " + CLAIM, "forget web/site",
                "delete " + NAMESPACE), cluster.changes);
    }

    @Test
    void downDeleteDataKeepsANamespaceThatStillHoldsWhatInfraNeverInstalledAndSaysWhat() {
        cluster.withRecord(site(), "d1").withObjects(site(), NAMESPACE, CONFIG);
        cluster.objects.add(new ObjectRef("v1", "Pod", "web", "visitor"));
        down(true, site());
        assertEquals(List.of("delete " + CONFIG, "forget web/site"), cluster.changes);
        assertEquals(List.of("site: kept namespace web, which still holds Pod visitor", "summary of 1"), notes);
    }

    @Test
    void downKeepsAComponentThatHoldsDataUnlessDeleteDataIsGiven() {
        var database = component("pg", MANIFESTS, "web", true);
        cluster.withRecord(database, "d1").withObjects(database, CONFIG);
        var kept = down(false, database).get(0);
        assertEquals(StepOutcome.Result.SKIPPED, kept.result());
        assertEquals("holds data; kept (--delete-data removes it)", kept.detail());
        assertEquals(List.of(), cluster.changes);

        assertEquals(StepOutcome.Result.INSTALLED, down(true, database).get(0).result());
        assertEquals(List.of("delete " + CONFIG, "forget web/pg"), cluster.changes);
    }

    @Test
    void downDeleteDataDeletesGeneratedSecretsWhereverTheyWereCopiedButNotTheComponentsOwn() {
        var generated = new SecretSpec("site-admin", null, List.of("password"), null, true, null, List.of("monitoring"), null);
        var elsewhere = new SecretSpec("site-token", "tokens", List.of("token"), null, true, null, null, null);
        var itsOwn = new SecretSpec("site-tls", null, List.of("tls.crt"), null, false, null, null, null);
        var c = site(generated, elsewhere, itsOwn);
        cluster.withRecord(c, "d1").withObjects(c, CONFIG);
        down(false, c);
        assertEquals(List.of("delete " + CONFIG, "forget web/site"), cluster.changes, "generated secrets are the credentials of kept data");

        cluster.withRecord(c, "d1").withObjects(c, CONFIG);
        cluster.changes.clear();
        down(true, c);
        assertEquals(List.of("delete " + CONFIG, "delete Secret web/site-admin", "delete Secret monitoring/site-admin", "delete Secret tokens/site-token",
                "forget web/site"), cluster.changes);
    }

    @Test
    void downRemovesWhatWasAppliedEvenWhenTheManifestsChangedSince() throws IOException {
        writeManifest("kind: ConfigMap\napiVersion: v1\nmetadata: {name: renamed}\n");
        cluster.withRecord(site(), "d1").withObjects(site(), CONFIG);
        down(false, site());
        assertEquals(List.of("delete " + CONFIG, "forget web/site"), cluster.changes);
    }

    @Test
    void downOfAnInstallThatRecordedNoObjectsRemovesWhatItsManifestsNameNow() throws IOException {
        writeManifest("kind: ConfigMap\napiVersion: v1\nmetadata: {name: site-config}\n");
        cluster.withRecord(site(), "d1");
        down(false, site());
        assertEquals(List.of("delete " + CONFIG, "forget web/site"), cluster.changes);
    }

    @Test
    void aFailedRemovalIsReportedMaskedAndTheNextComponentIsStillRemoved() {
        mask.add("s3cret-value");
        cluster.deleteFailures.put(CONFIG, new IllegalStateException("cannot delete, token s3cret-value"));
        var other = component("other", MANIFESTS, "web", null);
        cluster.withRecord(site(), "d1").withObjects(site(), CONFIG).withRecord(other, "d2").withObjects(other, DEPLOYMENT);
        var outcomes = down(false, site(), other);
        assertEquals(StepOutcome.Result.FAILED, outcomes.get(0).result());
        assertEquals("cannot delete, token ******", outcomes.get(0).detail());
        assertEquals(StepOutcome.Result.INSTALLED, outcomes.get(1).result());
        assertEquals(List.of("delete " + DEPLOYMENT, "forget web/other"), cluster.changes, "a failed removal keeps its record");
    }

    @Test
    void installedAreTheComponentsWithARecordOrARelease() {
        var absent = component("absent", MANIFESTS, "web", null);
        var partial = component("partial", MANIFESTS, "web", null);
        cluster.withRecord(site(), "d1").withObjects(partial, CONFIG).withRelease(db(), RENDERED, new Revision(1, "failed"));
        assertEquals(Set.of("site", "partial", "db"), uninstaller().installed(List.of(site(), absent, partial, db())));
    }

    @Test
    void downOfAChartUninstallsItsReleaseAndLeavesNamespacesToOthers() {
        cluster.withRecord(db(), "d1").withRelease(db(), "", new Revision(1, "deployed"));
        down(true, db());
        assertEquals(List.of("helm uninstall data/db", "forget data/db"), cluster.changes);
    }

    @Test
    void downOfAChartKeepsTheVolumesOfItsClaimsUnlessDeleteDataIsGiven() {
        cluster.withRecord(db(), "d1").withRelease(db(), RENDERED, new Revision(1, "deployed"));
        cluster.volumes.put("data/pg-data", "pv-7");
        down(false, db());
        assertEquals(List.of("retain pv-7", "helm uninstall data/db", "forget data/db"), cluster.changes, "Retain before helm deletes the claim");
        assertEquals("db: kept volume pv-7 of claim pg-data (reclaim policy Retain)", notes.get(0));

        cluster.withRecord(db(), "d1").withRelease(db(), RENDERED, new Revision(1, "deployed"));
        cluster.changes.clear();
        down(true, db());
        assertEquals(List.of("helm uninstall data/db", "delete claims of StatefulSet data/pg", "forget data/db"), cluster.changes);
    }

    @Test
    void downOfAChartWhoseReleaseIsGoneRunsNoHelmAndForgetsTheRecord() {
        cluster.withRecord(db(), "d1");
        down(true, db());
        assertEquals(List.of("forget data/db"), cluster.changes);
    }

    @Test
    void whenHelmCannotReadAnObjectWhoseApiIsGoneDownDeletesWhatTheReleaseRenderedAndHelmsRecords() {
        cluster.withRecord(db(), "d1").withRelease(db(), RENDERED, new Revision(2, "deployed"));
        cluster.uninstallFailure = new HelmException("helm uninstall db", 1,
                "Error: failed to delete release: db\nunable to build kubernetes objects for delete: no matches for kind PostgresCluster");
        var outcome = down(false, db()).get(0);
        assertEquals(StepOutcome.Result.INSTALLED, outcome.result(), outcome.detail());
        assertEquals(List.of("delete PersistentVolumeClaim data/pg-data", "delete StatefulSet data/pg",
                "delete PostgresCluster elsewhere/pg", "forget release data/db", "forget data/db"), cluster.changes);
        assertEquals("db: helm cannot read every object of db (an API is gone); removing them directly", notes.get(0));
    }

    @Test
    void anyOtherHelmFailureFailsTheRemovalAndKeepsTheRecord() {
        cluster.withRecord(db(), "d1").withRelease(db(), RENDERED, new Revision(2, "deployed"));
        cluster.uninstallFailure = new HelmException("helm uninstall db", 1, "Error: Kubernetes cluster unreachable");
        var outcome = down(true, db()).get(0);
        assertEquals(StepOutcome.Result.FAILED, outcome.result());
        assertEquals(List.of(), cluster.changes);
    }

    private void writeManifest(String yaml) throws IOException {
        Path dir = Files.createDirectories(home.resolve("manifests/site"));
        Files.writeString(dir.resolve("10-config.yaml"), yaml);
    }
}

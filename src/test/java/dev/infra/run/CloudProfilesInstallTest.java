package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.run.UpCommandTest.Run;
import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.StandIns;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cloud profiles of seeds 002-004 installed by {@code infra up} on the local cluster from the
 * stand-ins of the cloud charts and the real charts of ../shared/upstream-charts for the rest
 * (scripts/standins.sh), as a user would: their own secrets first, an infra.yaml that allows the
 * cluster's context, {@code --yes}. Every component of each profile is installed; none is left
 * out. The namespaces are shared with the other end-to-end tests, so every install is
 * {@code --force}.
 */
@KubeTest
@NeedsSimulation("the stand-in charts and kwok Stages play the cloud operators")
class CloudProfilesInstallTest {
    @TempDir
    static Path chartSource;

    @TempDir
    Path dir;

    @BeforeAll
    static void packageStandIns() throws IOException, InterruptedException {
        StandIns.packageInto(chartSource);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void eksInstallsEveryComponentFromTheStandInsAndAllAreHealthy(TestNamespace ns) throws Exception {
        // seed 004 keeps the database login in AWS Secrets Manager; External Secrets would copy it here
        userSecret(ns.client(), "apps", "db-credentials",
                Map.of("POSTGRES_DB", "app", "POSTGRES_USER", "app", "POSTGRES_PASSWORD", "from-aws-secrets-manager"));

        removeAppDatabase(ns);
        try {
            upAndStatus(ns, "eks", "");

            var claim = ns.client().persistentVolumeClaims().inNamespace("apps").withName("data-app-database-0").get();
            assertEquals("gp3", claim.getSpec().getStorageClassName(), "the database's volume comes from the EBS driver's class");
        } finally {
            removeAppDatabase(ns);
            // the real chart's pods bind host port 9100 on every node, as those of prometheus-stack's own
            // node exporter do, which eks turns off and the other profiles keep: leave the port free
            uninstall(ns, "prometheus-node-exporter", "monitoring");
            ns.client().configMaps().inNamespace("monitoring").withName("infra-state-node-exporter").delete();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aksStagingWithImmudbInstallsEveryComponentFromTheStandInsAndAllAreHealthy(TestNamespace ns) throws IOException {
        aksClusterAndUserSecrets(ns.client());

        // seed 003's immudb and its replica run on the AKS clusters too
        upAndStatus(ns, "aks-staging", "enable: [immudb, immudb-replica]\n");

        upstreamSecretsExist(ns.client());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aksProdInstallsEveryComponentFromTheStandInsAndAllAreHealthy(TestNamespace ns) throws IOException {
        aksClusterAndUserSecrets(ns.client());

        upAndStatus(ns, "aks-prod", "");

        upstreamSecretsExist(ns.client());
        assertEquals(2, ns.client().apps().deployments().inNamespace("argocd").withName("argocd-server").get()
                .getStatus().getReadyReplicas(), "aks-prod runs two Argo CD servers");
    }

    /**
     * {@code infra up --profile P --yes --force} with an infra.yaml that allows the test cluster's
     * context (and {@code extra}); every planned component installed, then {@code infra status} healthy.
     */
    private void upAndStatus(TestNamespace ns, String profile, String extra) throws IOException {
        String context = ns.client().getConfiguration().getCurrentContext().getName();
        Path config = Files.writeString(dir.resolve("infra.yaml"), "contexts: [\"" + context + "\"]\n" + extra);

        var plan = UpCommandTest.infra(ns.kubeconfig(), "plan", "--profile", profile, "-f", config.toString(), "-o", "json");
        assertEquals(0, plan.code(), plan.all());
        var planned = new TreeSet<String>();
        JsonMapper.shared().readTree(plan.out()).path("steps").forEach(s -> planned.add(s.path("component").asString()));
        assertTrue(planned.size() > 10, "the profile's whole catalog: " + planned);

        Run up = UpCommandTest.infra(ns.kubeconfig(), "up", "--profile", profile, "-f", config.toString(), "--yes", "--accept-contexts", "--force",
                "--chart-source", chartSource.toString(), "-o", "json");
        assertEquals(0, up.code(), up.all());
        assertEquals(planned, new TreeSet<>(up.finished("installed")), up.out());
        System.out.printf("%s: %d components installed from the real charts and stand-ins in %.1fs%n", profile, planned.size(),
                up.took().toMillis() / 1000.0);

        Run status = UpCommandTest.infra(ns.kubeconfig(), "status", "--profile", profile, "-f", config.toString());
        assertEquals(0, status.code(), "all healthy: " + status.all());
    }

    /**
     * The app-database StatefulSet of the other tests claims class standard, eks's gp3, and a
     * StatefulSet's claim templates never change: the eks test starts without it and leaves none
     * (helm makes it again on their next upgrade).
     */
    private static void removeAppDatabase(TestNamespace ns) throws IOException, InterruptedException {
        // the whole release, so that the next install starts afresh rather than patching a leftover
        uninstall(ns, "app-database", "apps");
        KubernetesClient client = ns.client();
        client.configMaps().inNamespace("apps").withName("infra-state-app-database").delete();
        var statefulSet = client.apps().statefulSets().inNamespace("apps").withName("app-database");
        statefulSet.waitUntilCondition(Objects::isNull, 2, TimeUnit.MINUTES);
        var claim = client.persistentVolumeClaims().inNamespace("apps").withName("data-app-database-0");
        claim.delete();
        claim.waitUntilCondition(Objects::isNull, 2, TimeUnit.MINUTES);
    }

    /** {@code helm uninstall --wait}: the release's objects are gone when it returns. */
    private static void uninstall(TestNamespace ns, String release, String namespace) throws IOException, InterruptedException {
        var uninstall = new ProcessBuilder(Testbin.helm().toString(), "uninstall", release, "--namespace", namespace,
                "--ignore-not-found", "--wait", "--kubeconfig", ns.kubeconfig().toString()).inheritIO().start();
        assertTrue(uninstall.waitFor(2, TimeUnit.MINUTES) && uninstall.exitValue() == 0, "helm uninstall " + release + " failed");
    }

    /** What AKS has and the user makes before {@code infra up} (README: Cloud profiles). */
    private static void aksClusterAndUserSecrets(KubernetesClient client) {
        // AKS ships the class managed-csi; here the test cluster's hostPath provisioner serves it
        client.resource(new StorageClassBuilder().withNewMetadata().withName("managed-csi").endMetadata()
                .withProvisioner("kubernetes.io/host-path").withReclaimPolicy("Delete").withVolumeBindingMode("Immediate")
                .build()).forceConflicts().serverSideApply();
        userSecret(client, "external-dns", "cloudflare-api-token", Map.of("api-token", "test-cloudflare-token"));
        userSecret(client, "dex", "dex-admin-hash",
                Map.of("hash", "$2y$10$2b2cU8CPhOTaGrs1HRQuAueS7JTT5ZHsHSzYiFPm1leZck7Mc8T4W"));
        userSecret(client, "argocd", "argocd-image-updater-ssh", Map.of("sshPrivateKey", "test deploy key"));
    }

    /** The secrets Argo CD and ECK make, which infra lists as logins. */
    private static void upstreamSecretsExist(KubernetesClient client) {
        var missing = new ArrayList<String>();
        for (var secret : List.of(List.of("argocd", "argocd-initial-admin-secret"), List.of("logging", "logs-es-elastic-user"))) {
            if (client.secrets().inNamespace(secret.get(0)).withName(secret.get(1)).get() == null) missing.add(String.join("/", secret));
        }
        assertTrue(missing.isEmpty(), "missing: " + missing);
    }

    /** A Secret the user creates (kept when an earlier test made it). */
    private static void userSecret(KubernetesClient client, String namespace, String name, Map<String, String> data) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("infra-test").serverSideApply();
        if (client.secrets().inNamespace(namespace).withName(name).get() != null) return;
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
                .endMetadata().withStringData(data).build()).create();
    }
}

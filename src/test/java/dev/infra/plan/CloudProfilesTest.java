package dev.infra.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cloud profiles of seeds 002-004: what they install, and in which order. */
class CloudProfilesTest {
    static Map<String, Integer> waves(String profile) {
        var plan = new Planner().plan(PlanRequest.all(Catalog.bundled().resolve(profile, Optional.empty())));
        return plan.steps().stream().collect(Collectors.toMap(Step::name, Step::wave));
    }

    static void before(Map<String, Integer> waves, String first, String then) {
        assertTrue(waves.containsKey(first) && waves.containsKey(then), first + " and " + then + " must be planned: " + waves);
        assertTrue(waves.get(first) < waves.get(then), first + " (wave " + waves.get(first) + ") must come before "
                + then + " (wave " + waves.get(then) + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aks-staging", "aks-prod", "eks"})
    void certManagerComesBeforeTheIssuerBeforeTlsIngresses(String profile) {
        var waves = waves(profile);
        before(waves, "cert-manager", "letsencrypt-issuer");
        for (String tls : List.of("dex", "argo-cd", "logging", "immudb")) {
            if (waves.containsKey(tls)) before(waves, "letsencrypt-issuer", tls);
        }
    }

    @Test
    void eksInstallsExternalSecretsBeforeWhatReadsExternalSecrets() {
        var waves = waves("eks");
        before(waves, "external-secrets", "secret-store");
        before(waves, "secret-store", "app-database");
        before(waves, "aws-ebs-csi-driver", "app-database");
        before(waves, "metrics-server", "app-backend");
        before(waves, "prometheus-stack", "node-exporter");
        for (String base : List.of("external-secrets", "metrics-server", "cluster-autoscaler", "aws-ebs-csi-driver")) {
            assertEquals(1, waves.get(base), base + " needs nothing");
        }
    }

    @Test
    void aksProdInstallsDexBeforeArgoCdAndTheOperatorBeforeTheLogStack() {
        var waves = waves("aks-prod");
        before(waves, "dex", "argo-cd");
        before(waves, "argo-cd", "argocd-image-updater");
        before(waves, "eck-operator", "logging");
        assertTrue(waves.keySet().containsAll(Set.of("external-dns", "sealed-secrets", "prometheus-stack")), waves.toString());
        assertFalse(waves.containsKey("cert-issuers"), "Let's Encrypt replaces the local CA");
    }

    @Test
    void onlyProductionProfilesAskForConfirmation() {
        var catalog = Catalog.bundled();
        for (String profile : catalog.profileNames()) {
            boolean production = profile.equals("aks-prod") || profile.equals("eks");
            assertEquals(production, catalog.resolve(profile, Optional.empty()).confirm(), profile);
        }
    }

    @Test
    void stagingUsesLetsEncryptStagingAndProductionTheRealServer() {
        var catalog = Catalog.bundled();
        assertEquals("manifests/letsencrypt-staging",
                catalog.resolve("aks-staging", Optional.empty()).component("letsencrypt-issuer").source().manifests());
        assertEquals("manifests/letsencrypt",
                catalog.resolve("aks-prod", Optional.empty()).component("letsencrypt-issuer").source().manifests());
    }
}

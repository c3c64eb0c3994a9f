package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Platform;
import dev.infra.catalog.YamlDocument;
import dev.infra.errors.ConfigException;
import dev.infra.errors.ExitCodes;
import dev.infra.kube.KubeTarget;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which kube contexts a profile reaches; tests run without a terminal, so nothing can be asked. */
class ContextGuardTest {
    private static final KubeTarget CURRENT = new KubeTarget(null, null);

    private static Platform withInfraYaml(String profile, String yaml) {
        return Catalog.bundled().resolve(profile, Optional.of(YamlDocument.parse("infra.yaml", yaml)));
    }

    @Test
    void infraYamlCannotWidenAProductionProfileWithoutConsentOffATerminal() {
        var platform = withInfraYaml("eks", "contexts: [\"kind-*\"]\n");
        var e = assertThrows(ConfigException.class, () -> new ContextGuard().check(platform, "kind-dev", CURRENT));
        assertEquals("infra.yaml lets production profile 'eks' onto context 'kind-dev', which the profile's own contexts "
                + "(arn:aws:eks:*:*:cluster/*, arn:aws-cn:eks:*:*:cluster/*, arn:aws-us-gov:eks:*:*:cluster/*, *@*.eksctl.io) "
                + "do not accept; pass --accept-contexts if you mean it", e.getMessage());
        assertEquals(ExitCodes.USAGE, ExitCodes.of(e));
    }

    @Test
    void acceptContextsConfirmsTheWidening() {
        var platform = withInfraYaml("eks", "contexts: [\"kind-*\"]\n");
        var guard = new ContextGuard();
        guard.acceptContexts = true;
        assertDoesNotThrow(() -> guard.check(platform, "kind-dev", CURRENT));
    }

    @Test
    void aProductionProfileOnItsOwnContextNeedsNoConsent() {
        var platform = withInfraYaml("eks", "settings: {clusterName: shop}\n");
        assertDoesNotThrow(() -> new ContextGuard().check(platform, "arn:aws:eks:eu-west-1:123456789012:cluster/shop", CURRENT));
    }

    @Test
    void aProductionProfileIsRefusedOnAnotherContextEvenWhenNamed() {
        var platform = Catalog.bundled().resolve("aks-prod", Optional.empty());
        var e = assertThrows(ConfigException.class,
                () -> new ContextGuard().check(platform, "reproduce-issue-42", new KubeTarget(null, "reproduce-issue-42")));
        assertEquals("profile 'aks-prod' is a production profile for contexts aks-*-prod, aks-*-prod-admin; "
                + "it is never applied to context 'reproduce-issue-42'", e.getMessage());
    }

    @Test
    void anOrdinaryProfileGoesToAnotherContextOnlyWhenNamed() {
        var kind = Catalog.bundled().resolve("kind", Optional.empty());
        assertThrows(ConfigException.class, () -> new ContextGuard().check(kind, "minikube", CURRENT));
        assertDoesNotThrow(() -> new ContextGuard().check(kind, "minikube", new KubeTarget(null, "minikube")));
    }
}

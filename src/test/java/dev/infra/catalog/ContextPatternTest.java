package dev.infra.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Context patterns match whole context names as kubectl shows them, ':' and '/' included. */
class ContextPatternTest {
    @ParameterizedTest
    @CsvSource({
            "kind-*, kind-dev, true",
            "kind-*, kind-, true",
            "kind-*, my-kind-dev, false",
            "k3s*, k3s, true",
            "minikube, minikube, true",
            "minikube, minikube2, false",
            "minikube, xminikube, false",
            "aks-*-prod, aks-shop-prod, true",
            "aks-*-prod, aks-shop-prod-old, false",
            "'arn:aws:eks:*:*:cluster/*', 'arn:aws:eks:eu-west-1:123456789012:cluster/x', true",
            "'arn:aws:eks:*:*:cluster/*', 'arn:aws:iam::123456789012:role/x', false",
            "*, 'a/b:c', true",
            "a?c, abc, true",
            "a?c, ac, false",
            "a?c, a/c, true",
            "a.c, abc, false",
            "'a[b]c', 'a[b]c', true",
            "'a{b,c}', ab, false",
    })
    void matchesTheWholeName(String glob, String context, boolean matches) {
        if (matches) {
            assertTrue(new ContextPattern(glob).matches(context), glob + " should match " + context);
        } else {
            assertFalse(new ContextPattern(glob).matches(context), glob + " should not match " + context);
        }
    }

    @Test
    void aNullContextMatchesNothing() {
        assertFalse(new ContextPattern("*").matches(null));
    }

    @Test
    void eksAcceptsTheContextNamesTheAwsCliAndEksctlWrite() {
        var eks = Catalog.bundled().resolve("eks", Optional.empty());
        assertTrue(eks.allowsContext("arn:aws:eks:eu-west-1:123456789012:cluster/x"));
        assertTrue(eks.allowsContext("arn:aws-cn:eks:cn-north-1:123456789012:cluster/shop"));
        assertTrue(eks.allowsContext("ci-bot@shop.eu-west-1.eksctl.io"));
        assertFalse(eks.allowsContext("geeks-laptop"));
        assertFalse(eks.allowsContext("minikube"));
    }

    @Test
    void aksProdAcceptsOnlyContextsNamedLikeItsClusters() {
        var prod = Catalog.bundled().resolve("aks-prod", Optional.empty());
        assertTrue(prod.allowsContext("aks-shop-prod"));
        assertTrue(prod.allowsContext("aks-shop-prod-admin"));
        assertFalse(prod.allowsContext("reproduce-issue-42"));
        assertFalse(prod.allowsContext("kind-prod"));
        assertFalse(prod.allowsContext("aks-shop-staging"));
    }

    @Test
    void infraYamlContextsReplaceTheProfilesButWidenAProductionProfileOnlyWhereItsOwnRefuse() {
        var user = YamlDocument.parse("infra.yaml", "contexts: [\"kind-*\", \"aks-shop-prod\"]\n");
        var prod = Catalog.bundled().resolve("aks-prod", Optional.of(user));
        assertTrue(prod.allowsContext("kind-dev"));
        assertTrue(prod.widenedTo("kind-dev"));
        assertFalse(prod.widenedTo("aks-shop-prod"), "the profile accepts it by itself");
        assertFalse(prod.allowsContext("aks-other-prod"), "infra.yaml may narrow a profile");
        assertFalse(prod.widenedTo("aks-other-prod"));
        var kind = Catalog.bundled().resolve("kind", Optional.of(user));
        assertTrue(kind.allowsContext("aks-shop-prod"));
        assertFalse(kind.widenedTo("aks-shop-prod"), "only production profiles ask");
    }
}

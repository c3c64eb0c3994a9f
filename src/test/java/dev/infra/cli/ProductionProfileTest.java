package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Production profiles ask before changing a cluster; without a terminal they need --yes. */
class ProductionProfileTest {
    @Test
    void upWithAProductionProfileNeedsYesWhenNotOnATerminal() {
        // a kubeconfig that does not exist: the refusal must come before anything touches a cluster
        var result = CliTest.run("up", "--profile", "aks-prod", "--kubeconfig", "/nonexistent/kubeconfig");
        CliTest.assertOneLineError(result, 2, "infra up --profile aks-prod (a production profile) needs --yes when not run on a terminal");
    }

    @Test
    void downWithoutYesIsRefusedBeforeTouchingACluster() {
        var result = CliTest.run("down", "--profile", "eks", "--kubeconfig", "/nonexistent/kubeconfig");
        CliTest.assertOneLineError(result, 2, "infra down needs --yes when not run on a terminal");
    }

    @Test
    void exportWithoutRepoNamesTheOption() {
        var result = CliTest.run("export", "argocd", "--profile", "eks");
        CliTest.assertOneLineError(result, 2, "pass --repo URL");
    }

    @Test
    void exportedWavesAreQuotedStrings() {
        var result = CliTest.run("export", "argocd", "--profile", "eks", "--repo", "https://git.example.com/x.git");
        assertEquals(0, result.code(), result.err());
        assertEquals(result.out().lines().filter(l -> l.contains("argocd.argoproj.io/sync-wave:")).count(),
                result.out().lines().filter(l -> l.matches(" *argocd.argoproj.io/sync-wave: \"\\d+\"")).count());
    }
}

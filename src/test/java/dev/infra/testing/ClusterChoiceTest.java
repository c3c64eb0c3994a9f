package dev.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterChoiceTest {

    @Test
    void nothingSetRunsOnTheLocalSimulatedControlPlane() {
        var choice = ClusterChoice.of(Map.of(), false);

        assertEquals(ClusterChoice.Kind.LOCAL, choice.kind());
        assertTrue(choice.simulated());
        assertTrue(choice.reason().startsWith("it is the default; set INFRA_TEST_KUBECONFIG"), choice.reason());
    }

    @Test
    void aReachableDockerEngineDoesNotChangeTheDefault() {
        var choice = ClusterChoice.of(Map.of(), true);

        assertEquals(ClusterChoice.Kind.LOCAL, choice.kind());
        assertTrue(choice.reason().contains("INFRA_TEST_CLUSTER=k3s would use it"), choice.reason());
    }

    @Test
    void aKubeconfigInTheEnvironmentRunsOnThatClusterWithoutSimulation() {
        var choice = ClusterChoice.of(Map.of("INFRA_TEST_KUBECONFIG", "/tmp/kc", "INFRA_TEST_CLUSTER", "k3s"), true);

        assertEquals(ClusterChoice.Kind.EXISTING, choice.kind());
        assertEquals("/tmp/kc", choice.kubeconfig());
        assertFalse(choice.simulated());
    }

    @Test
    void theK3sSwitchRunsOnK3sAndSaysWhenNoDockerIsThere() {
        var withDocker = ClusterChoice.of(Map.of("INFRA_TEST_CLUSTER", "k3s"), true);
        var without = ClusterChoice.of(Map.of("INFRA_TEST_CLUSTER", "k3s"), false);

        assertEquals(ClusterChoice.Kind.K3S, withDocker.kind());
        assertFalse(withDocker.simulated());
        assertEquals("INFRA_TEST_CLUSTER=k3s", withDocker.reason());
        assertEquals("INFRA_TEST_CLUSTER=k3s, but no Docker engine is reachable", without.reason());
    }

    @Test
    void aBlankKubeconfigIsNotAChoiceAndAnUnknownSwitchIsAnError() {
        assertEquals(ClusterChoice.Kind.LOCAL, ClusterChoice.of(Map.of("INFRA_TEST_KUBECONFIG", " ", "INFRA_TEST_CLUSTER", "local"), false).kind());
        var e = assertThrows(IllegalArgumentException.class, () -> ClusterChoice.of(Map.of("INFRA_TEST_CLUSTER", "kind"), false));
        assertEquals("INFRA_TEST_CLUSTER=kind is not a cluster the tests know: use local or k3s", e.getMessage());
    }
}

package dev.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which cluster the tests of a run use, and why. The default is always the local control plane
 * (offline and deterministic, whatever else the machine has); a real cluster is used only when
 * asked for: {@value #KUBECONFIG} names an existing one, {@value #SWITCH}{@code =k3s} starts k3s
 * in a container.
 *
 * <p>Uses nothing outside the JDK, so that scripts/test.sh can print the choice before Maven
 * starts: {@code java src/test/java/dev/infra/testing/ClusterChoice.java}.
 */
public record ClusterChoice(Kind kind, String reason, String kubeconfig) {
    public static final String KUBECONFIG = "INFRA_TEST_KUBECONFIG";
    public static final String SWITCH = "INFRA_TEST_CLUSTER";

    public enum Kind {
        LOCAL, EXISTING, K3S
    }

    /** True when pods are simulated and kwok's Stages and port-forward rules can be set. */
    public boolean simulated() {
        return kind == Kind.LOCAL;
    }

    public static ClusterChoice of(Map<String, String> env, boolean dockerReachable) {
        String kubeconfig = env.getOrDefault(KUBECONFIG, "");
        String wanted = env.getOrDefault(SWITCH, "");
        if (!kubeconfig.isBlank()) {
            return new ClusterChoice(Kind.EXISTING, KUBECONFIG + " is set", kubeconfig);
        }
        if (wanted.equals("k3s")) {
            return new ClusterChoice(Kind.K3S, SWITCH + "=k3s" + (dockerReachable ? "" : ", but no Docker engine is reachable"), null);
        }
        if (!wanted.isBlank() && !wanted.equals("local")) {
            throw new IllegalArgumentException(SWITCH + "=" + wanted + " is not a cluster the tests know: use local or k3s");
        }
        return new ClusterChoice(Kind.LOCAL, "it is the default" + (dockerReachable
                ? " (a Docker engine is reachable; " + SWITCH + "=k3s would use it)" : "")
                + "; set " + KUBECONFIG + " or " + SWITCH + "=k3s for a real cluster", null);
    }

    /** The choice for this process's environment. */
    public static ClusterChoice current() {
        return of(System.getenv(), dockerSocketPresent());
    }

    public String description() {
        return switch (kind) {
            case LOCAL -> "the local control plane (kwok nodes, simulated pods)";
            case EXISTING -> "the existing cluster of " + kubeconfig;
            case K3S -> "k3s in a container (real pods)";
        };
    }

    // For the message only; starting k3s asks testcontainers, which knows every way to reach Docker.
    private static boolean dockerSocketPresent() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    public static void main(String[] args) {
        try {
            ClusterChoice choice = current();
            System.out.println("test cluster: " + choice.description() + ", because " + choice.reason());
        } catch (IllegalArgumentException e) {
            System.err.println("test cluster: " + e.getMessage());
            System.exit(2);
        }
    }
}

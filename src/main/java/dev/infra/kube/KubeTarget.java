package dev.infra.kube;

import java.nio.file.Path;

/**
 * Which cluster to talk to, as the user said it: {@code --kubeconfig} and {@code --context},
 * each null when not given (then KUBECONFIG / ~/.kube/config and its current context apply).
 */
public record KubeTarget(Path kubeconfig, String context) {
    public boolean contextGivenExplicitly() {
        return context != null;
    }
}

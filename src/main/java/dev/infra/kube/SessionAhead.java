package dev.infra.kube;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A session opened in the background, for the target a command will most likely use, while the
 * command reads its catalog: reading the kubeconfig and setting up TLS take about as long as the
 * catalog, and neither needs the other. Opening sends no request, so a session not used is only closed.
 */
public final class SessionAhead {
    private final KubeTarget target;
    private final CompletableFuture<KubeSession> opening;

    private SessionAhead(KubeTarget target) {
        this.target = target;
        this.opening = CompletableFuture.supplyAsync(() -> Kube.open(target));
    }

    public static SessionAhead open(KubeTarget target) {
        return new SessionAhead(target);
    }

    /** The session for {@code wanted}: the one opened ahead when it is for the same target, else a new one. */
    public KubeSession session(KubeTarget wanted) {
        if (!wanted.equals(target)) {
            discard();
            return Kube.open(wanted);
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            // as Kube.open would have thrown it (an unusable kubeconfig, no cluster configured)
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** For a command that failed before it needed a cluster. */
    public void discard() {
        opening.thenAccept(KubeSession::close);
    }
}

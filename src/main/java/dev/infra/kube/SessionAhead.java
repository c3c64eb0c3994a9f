package dev.infra.kube;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A session opened in the background, for the target a command will most likely use, while the
 * command reads its catalog: reading the kubeconfig and setting up TLS take about as long as the
 * catalog, and neither needs the other. Opening sends no request, so a session not used is only
 * closed, when this is.
 */
public final class SessionAhead implements AutoCloseable {
    private final KubeTarget target;
    private final CompletableFuture<KubeSession> opening;
    private volatile boolean handedOut;

    private SessionAhead(KubeTarget target) {
        this.target = target;
        this.opening = CompletableFuture.supplyAsync(() -> Kube.open(target));
    }

    public static SessionAhead open(KubeTarget target) {
        return new SessionAhead(target);
    }

    /**
     * The session for {@code wanted}, which the caller closes: the one opened ahead when it is for
     * the same target, else a new one.
     */
    public KubeSession session(KubeTarget wanted) {
        if (!wanted.equals(target)) return Kube.open(wanted);
        try {
            KubeSession session = opening.join();
            handedOut = true;
            return session;
        } catch (CompletionException e) {
            // as Kube.open would have thrown it (an unusable kubeconfig, no cluster configured)
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Closes the session opened ahead unless {@link #session} handed it out; waits for nothing. */
    @Override
    public void close() {
        if (!handedOut) opening.thenAccept(KubeSession::close);
    }
}

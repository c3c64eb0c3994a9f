package dev.infra.retry;

import dev.infra.helm.HelmException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Whether a failure goes away by itself (a reset connection, a TLS handshake timeout, a 5xx from
 * the API server), so that trying again makes sense. Shared by the engine's retries and the
 * readiness watches, which sit below it.
 */
public final class TransientFailure {
    private static final Pattern TRANSIENT_TEXT = Pattern.compile(
            "connection reset by peer|TLS handshake timeout|i/o timeout|unexpected EOF|connection refused"
                    + "|the server is currently unable to handle the request|etcdserver: request timed out"
                    + "|Internal error occurred|too many requests|\\b50[234]\\b|context deadline exceeded",
            Pattern.CASE_INSENSITIVE);

    private TransientFailure() {
    }

    public static boolean is(Throwable e) {
        if (e instanceof HelmException helm) return TRANSIENT_TEXT.matcher(helm.output()).find();
        if (e instanceof KubernetesClientException kube) {
            int code = kube.getCode();
            if (code >= 500 || code == 429) return true;
            // no HTTP status: fabric8 gives -1 when it wraps an I/O failure of its own
            if (code <= 0) return causeIsIo(kube);
        }
        return false;
    }

    private static boolean causeIsIo(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException) return true;
        }
        return false;
    }
}

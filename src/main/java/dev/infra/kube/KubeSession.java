package dev.infra.kube;

import dev.infra.errors.ClusterUnreachableException;
import dev.infra.retry.TransientFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/**
 * A client of a cluster, with the context it was opened for; reachable when it comes from
 * {@link Kube#connect}.
 *
 * @param pinned the user's target with the context named: what every later call (helm too) must
 *               use, so that a kubeconfig whose current-context changes cannot redirect a run
 */
public record KubeSession(KubernetesClient client, String context, KubeTarget pinned) implements AutoCloseable {
    /**
     * What {@code request} returns; a request that did not reach the API server fails as
     * {@link Kube#connect}'s probe does (exit 3), answers such as 403 or 404 as they are.
     */
    public <T> T reach(Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            // no HTTP status and an I/O failure below: the request never got an answer
            if (e.getCode() <= 0 && TransientFailure.is(e)) throw unreachable(e);
            throw e;
        }
    }

    ClusterUnreachableException unreachable(RuntimeException e) {
        return new ClusterUnreachableException("cannot reach the API server " + client.getConfiguration().getMasterUrl()
                + " of context '" + context + "': " + Kube.rootMessage(e), e);
    }

    @Override
    public void close() {
        HttpSelectorStop.close(client);
    }
}

package dev.infra.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Which API versions and kinds the cluster serves, from its discovery documents, so that an
 * object of a kind nobody installed fails with what is missing rather than with fabric8's
 * "Could not find a registered handler for item". The cluster's in production ({@link #of}).
 */
public interface ServedApis {
    /** Empty when the cluster serves {@code kind} in {@code apiVersion}; else what it serves instead. */
    Optional<String> missing(String apiVersion, String kind);

    /** Whether objects of {@code kind} live in a namespace; true when the cluster does not say. */
    boolean namespaced(String apiVersion, String kind);

    static ServedApis of(KubernetesClient client) {
        return new DiscoveredApis(client);
    }
}

package dev.infra.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which API versions and kinds the cluster serves, from its discovery documents, so that an
 * object of a kind nobody installed fails with what is missing rather than with fabric8's
 * "Could not find a registered handler for item".
 */
public final class ServedApis {
    private final KubernetesClient client;
    private final Map<String, Optional<APIResourceList>> resources = new HashMap<>();

    public ServedApis(KubernetesClient client) {
        this.client = client;
    }

    /** Empty when the cluster serves {@code kind} in {@code apiVersion}; else what it serves instead. */
    public Optional<String> missing(String apiVersion, String kind) {
        Optional<APIResourceList> list = resources.computeIfAbsent(apiVersion,
                version -> Optional.ofNullable(client.getApiResources(version)));
        if (list.isPresent() && list.get().getResources().stream().anyMatch(r -> kind.equals(r.getKind()))) {
            return Optional.empty();
        }
        if (list.isPresent()) {
            return Optional.of("the cluster serves " + apiVersion + " but no kind " + kind + " in it");
        }
        int slash = apiVersion.indexOf('/');
        APIGroup group = slash < 0 ? null : client.getApiGroup(apiVersion.substring(0, slash));
        if (group == null || group.getVersions().isEmpty()) {
            return Optional.of("the cluster serves no API group " + (slash < 0 ? apiVersion : apiVersion.substring(0, slash)));
        }
        return Optional.of("the cluster serves " + group.getVersions().stream().map(GroupVersionForDiscovery::getGroupVersion)
                .collect(Collectors.joining(", ")) + ", not " + apiVersion);
    }
}

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
 * The cluster's discovery documents. What is served is remembered; what is not is asked again,
 * because an earlier step of the same run may install its CRD.
 */
final class DiscoveredApis implements ServedApis {
    private final KubernetesClient client;
    private final Map<String, APIResourceList> resources = new HashMap<>();

    DiscoveredApis(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> missing(String apiVersion, String kind) {
        Optional<APIResourceList> list = resources(apiVersion);
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

    @Override
    public boolean namespaced(String apiVersion, String kind) {
        return resources(apiVersion).flatMap(list -> list.getResources().stream().filter(r -> kind.equals(r.getKind())).findFirst())
                .map(r -> r.getNamespaced()).orElse(true);
    }

    private Optional<APIResourceList> resources(String apiVersion) {
        var served = served(apiVersion);
        if (served != null) return Optional.of(served);
        var list = client.getApiResources(apiVersion);
        if (list != null) remember(apiVersion, list);
        return Optional.ofNullable(list);
    }

    private synchronized APIResourceList served(String apiVersion) {
        return resources.get(apiVersion);
    }

    private synchronized void remember(String apiVersion, APIResourceList list) {
        resources.put(apiVersion, list);
    }
}

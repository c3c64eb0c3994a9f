package dev.infra.kube;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects of any kind, found through the API server's discovery rather than fabric8's typed
 * handlers, which know no custom resource and fail on one whose CRD is gone.
 */
final class DiscoveredObjects implements ClusterObjects {
    private final KubernetesClient client;
    private final Map<String, List<APIResource>> discovered = new HashMap<>();

    DiscoveredObjects(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void apply(HasMetadata object) {
        client.resource(object).fieldManager("infra").forceConflicts().serverSideApply();
    }

    @Override
    public void delete(ObjectRef ref) {
        var resource = resources(ref.apiVersion()).stream().filter(r -> r.getKind().equals(ref.kind())).findFirst();
        if (resource.isEmpty()) return;
        var objects = client.genericKubernetesResources(context(ref.apiVersion(), resource.get()));
        (resource.get().getNamespaced() ? objects.inNamespace(ref.namespace()).withName(ref.name()) : objects.withName(ref.name())).delete();
    }

    @Override
    public List<Found> contentsOf(String namespace) {
        var entries = new ArrayList<Found>();
        for (String apiVersion : apiVersions()) {
            try {
                entries.addAll(contentsOf(namespace, apiVersion));
            } catch (KubernetesClientException e) {
                entries.add(new Found(new ObjectRef(apiVersion, UNREADABLE, namespace, apiVersion), false, false));
            }
        }
        return entries;
    }

    private List<Found> contentsOf(String namespace, String apiVersion) {
        var entries = new ArrayList<Found>();
        for (APIResource resource : resources(apiVersion)) {
            if (!resource.getNamespaced() || resource.getName().contains("/") || !resource.getVerbs().contains("list")) continue;
            for (var item : client.genericKubernetesResources(context(apiVersion, resource)).inNamespace(namespace).list().getItems()) {
                entries.add(entry(apiVersion, resource.getKind(), item));
            }
        }
        return entries;
    }

    private static Found entry(String apiVersion, String kind, GenericKubernetesResource item) {
        var meta = item.getMetadata();
        var owners = meta.getOwnerReferences();
        return new Found(new ObjectRef(apiVersion, kind, meta.getNamespace(), meta.getName()),
                owners != null && !owners.isEmpty(), meta.getDeletionTimestamp() != null);
    }

    /** The core group and the preferred version of every other group. */
    private List<String> apiVersions() {
        var versions = new ArrayList<>(List.of("v1"));
        client.getApiGroups().getGroups().forEach(g -> versions.add(g.getPreferredVersion().getGroupVersion()));
        return versions;
    }

    private List<APIResource> resources(String apiVersion) {
        return discovered.computeIfAbsent(apiVersion, v -> Optional.ofNullable(client.getApiResources(v))
                .map(list -> list.getResources()).orElse(List.of()));
    }

    private static ResourceDefinitionContext context(String apiVersion, APIResource resource) {
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1))
                .withKind(resource.getKind())
                .withPlural(resource.getName())
                .withNamespaced(resource.getNamespaced())
                .build();
    }
}

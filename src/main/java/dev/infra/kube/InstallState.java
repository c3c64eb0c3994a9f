package dev.infra.kube;

import dev.infra.catalog.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What infra remembers about an installed component (a ConfigMap {@code infra-state-NAME} in its
 * namespace: the digest of its inputs and when it was installed), and what helm's own release
 * records say, read from the API rather than by running helm.
 */
public final class InstallState {
    public static final String PREFIX = "infra-state-";
    private static final String OBJECTS = "objects";

    public record Recorded(String digest, String profile, Instant installedAt) {
    }

    /** One revision of a helm release, from helm's storage secret labels. */
    public record Revision(int number, String status) {
    }

    private final KubernetesClient client;

    public InstallState(KubernetesClient client) {
        this.client = client;
    }

    /** The record of the last finished install; empty also when a partial one listed only its objects. */
    public Optional<Recorded> recorded(String component, String namespace) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(PREFIX + component).get();
        if (map == null || map.getData() == null || !map.getData().containsKey("digest")) return Optional.empty();
        var data = map.getData();
        return Optional.of(new Recorded(data.get("digest"), data.get("profile"),
                data.containsKey("installedAt") ? Instant.parse(data.get("installedAt")) : null));
    }

    public void record(String component, String namespace, String digest, String profile) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(PREFIX + component).withNamespace(namespace)
                .addToLabels(labels(component)).endMetadata()
                .withData(Map.of("digest", digest, "profile", profile, "installedAt", Instant.now().toString())).build();
        client.configMaps().inNamespace(namespace).resource(map).fieldManager("infra").forceConflicts().serverSideApply();
    }

    /**
     * Adds {@code objects} to what {@code down} removes, before they are applied, so that it finds
     * even those of a partial install. Earlier objects stay listed: a manifest that dropped one
     * leaves it in the cluster. A field manager of its own keeps {@link #record}'s apply from
     * removing the list, and this apply from removing the digest.
     */
    public void recordObjects(String component, String namespace, List<ObjectRef> objects) {
        var lines = new LinkedHashSet<String>();
        objects(component, namespace).forEach(o -> lines.add(o.line()));
        objects.forEach(o -> lines.add(o.line()));
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(PREFIX + component).withNamespace(namespace)
                .addToLabels(labels(component)).endMetadata()
                .withData(Map.of(OBJECTS, String.join("\n", lines))).build();
        client.configMaps().inNamespace(namespace).resource(map).fieldManager("infra-objects").forceConflicts().serverSideApply();
    }

    /** What {@link #recordObjects} listed, in the order applied; empty without a record. */
    public List<ObjectRef> objects(String component, String namespace) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(PREFIX + component).get();
        if (map == null || map.getData() == null || !map.getData().containsKey(OBJECTS)) return List.of();
        return map.getData().get(OBJECTS).lines().filter(l -> !l.isBlank()).map(ObjectRef::parse).toList();
    }

    public void forget(String component, String namespace) {
        client.configMaps().inNamespace(namespace).withName(PREFIX + component).delete();
    }

    /** Whether anything of {@code c} may be in the cluster: its record, or a revision of its release. */
    public boolean installed(Component c) {
        return client.configMaps().inNamespace(c.namespace()).withName(PREFIX + c.name()).get() != null
                || c.source().chartName() != null && !revisions(c.release(), c.namespace()).isEmpty();
    }

    /** Every revision helm has stored for {@code release}, newest first. */
    public List<Revision> revisions(String release, String namespace) {
        return client.secrets().inNamespace(namespace).withLabel("owner", "helm").withLabel("name", release)
                .list().getItems().stream()
                .map(InstallState::revision)
                .sorted(Comparator.comparingInt(Revision::number).reversed())
                .toList();
    }

    private static Map<String, String> labels(String component) {
        return Map.of("app.kubernetes.io/managed-by", "infra", "infra.dev/component", component);
    }

    private static Revision revision(Secret secret) {
        var labels = secret.getMetadata().getLabels();
        return new Revision(Integer.parseInt(labels.getOrDefault("version", "0")), labels.getOrDefault("status", "unknown"));
    }
}

package dev.infra.kube;

import dev.infra.catalog.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The install record as a ConfigMap {@code infra-state-NAME} in the component's namespace, and
 * helm's release records as its storage secrets, read from the API rather than by running helm.
 */
final class ConfigMapInstallState implements InstallState {
    private static final String OBJECTS = "objects";

    private final KubernetesClient client;
    private final HelmStorage storage;

    ConfigMapInstallState(KubernetesClient client) {
        this.client = client;
        this.storage = new HelmStorage(client);
    }

    @Override
    public Optional<Recorded> recorded(String component, String namespace) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(PREFIX + component).get();
        if (map == null || map.getData() == null || !map.getData().containsKey("digest")) return Optional.empty();
        var data = map.getData();
        return Optional.of(new Recorded(data.get("digest"), data.get("profile"),
                data.containsKey("installedAt") ? Instant.parse(data.get("installedAt")) : null));
    }

    @Override
    public void record(String component, String namespace, String digest, String profile) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(PREFIX + component).withNamespace(namespace)
                .addToLabels(labels(component)).endMetadata()
                .withData(Map.of("digest", digest, "profile", profile, "installedAt", Instant.now().toString())).build();
        client.configMaps().inNamespace(namespace).resource(map).fieldManager("infra").forceConflicts().serverSideApply();
    }

    /** A field manager of its own keeps {@link #record}'s apply from removing the list, and this apply from removing the digest. */
    @Override
    public void recordObjects(String component, String namespace, List<ObjectRef> objects) {
        var lines = new LinkedHashSet<String>();
        objects(component, namespace).forEach(o -> lines.add(o.line()));
        objects.forEach(o -> lines.add(o.line()));
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(PREFIX + component).withNamespace(namespace)
                .addToLabels(labels(component)).endMetadata()
                .withData(Map.of(OBJECTS, String.join("\n", lines))).build();
        client.configMaps().inNamespace(namespace).resource(map).fieldManager("infra-objects").forceConflicts().serverSideApply();
    }

    @Override
    public List<ObjectRef> objects(String component, String namespace) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(PREFIX + component).get();
        if (map == null || map.getData() == null || !map.getData().containsKey(OBJECTS)) return List.of();
        return map.getData().get(OBJECTS).lines().filter(l -> !l.isBlank()).map(ObjectRef::parse).toList();
    }

    @Override
    public void forget(String component, String namespace) {
        client.configMaps().inNamespace(namespace).withName(PREFIX + component).delete();
    }

    @Override
    public boolean installed(Component c) {
        return client.configMaps().inNamespace(c.namespace()).withName(PREFIX + c.name()).get() != null
                || c.source().chartName() != null && !revisions(c.release(), c.namespace()).isEmpty();
    }

    @Override
    public List<Revision> revisions(String release, String namespace) {
        return storage.records(release, namespace).stream()
                .map(ConfigMapInstallState::revision)
                .sorted(Comparator.comparingInt(Revision::number).reversed())
                .toList();
    }

    /**
     * The newest record's manifest instead of a helm process. helm would skip a revision it
     * cannot decode and show an older one; this says so instead.
     */
    @Override
    public String manifest(String release, String namespace) {
        return newest(release, namespace)
                .map(meta -> storage.record(meta.getName(), namespace))
                .map(secret -> StoredRelease.manifest(secret, release, namespace))
                .orElse("");
    }

    @Override
    public Optional<String> manifestId(String release, String namespace) {
        return newest(release, namespace).map(ObjectMeta::getUid);
    }

    private Optional<ObjectMeta> newest(String release, String namespace) {
        return storage.records(release, namespace).stream().max(Comparator.comparingInt(meta -> revision(meta).number()));
    }

    @Override
    public void forgetRelease(String release, String namespace) {
        client.secrets().inNamespace(namespace).withLabel("owner", "helm").withLabel("name", release).delete();
    }

    private static Map<String, String> labels(String component) {
        return Map.of("app.kubernetes.io/managed-by", "infra", "infra.dev/component", component);
    }

    private static Revision revision(ObjectMeta meta) {
        var labels = meta.getLabels();
        return new Revision(Integer.parseInt(labels.getOrDefault("version", "0")), labels.getOrDefault("status", "unknown"));
    }
}

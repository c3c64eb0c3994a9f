package dev.infra.run;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What infra remembers about an installed component (a ConfigMap {@code infra-state-NAME} in its
 * namespace: the digest of its inputs and when it was installed), and what helm's own release
 * records say, read from the API rather than by running helm.
 */
final class InstallState {
    static final String PREFIX = "infra-state-";

    record Recorded(String digest, String profile, Instant installedAt) {
    }

    /** One revision of a helm release, from helm's storage secret labels. */
    record Revision(int number, String status) {
        boolean pending() {
            return status.startsWith("pending-");
        }

        boolean good() {
            return status.equals("deployed") || status.equals("superseded");
        }
    }

    private final KubernetesClient client;

    InstallState(KubernetesClient client) {
        this.client = client;
    }

    Optional<Recorded> recorded(String component, String namespace) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(PREFIX + component).get();
        if (map == null || map.getData() == null) return Optional.empty();
        var data = map.getData();
        return Optional.of(new Recorded(data.get("digest"), data.get("profile"),
                data.containsKey("installedAt") ? Instant.parse(data.get("installedAt")) : null));
    }

    void record(String component, String namespace, String digest, String profile) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(PREFIX + component).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "infra").addToLabels("infra.dev/component", component).endMetadata()
                .withData(Map.of("digest", digest, "profile", profile, "installedAt", Instant.now().toString())).build();
        client.configMaps().inNamespace(namespace).resource(map).fieldManager("infra").forceConflicts().serverSideApply();
    }

    void forget(String component, String namespace) {
        client.configMaps().inNamespace(namespace).withName(PREFIX + component).delete();
    }

    /** Every revision helm has stored for {@code release}, newest first. */
    List<Revision> revisions(String release, String namespace) {
        return client.secrets().inNamespace(namespace).withLabel("owner", "helm").withLabel("name", release)
                .list().getItems().stream()
                .map(InstallState::revision)
                .sorted(Comparator.comparingInt(Revision::number).reversed())
                .toList();
    }

    private static Revision revision(Secret secret) {
        var labels = secret.getMetadata().getLabels();
        return new Revision(Integer.parseInt(labels.getOrDefault("version", "0")), labels.getOrDefault("status", "unknown"));
    }
}

package dev.infra.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Secrets as infra reads and writes them: decoded values, base64 only on the wire. */
public final class ClusterSecrets {
    private final KubernetesClient client;

    public ClusterSecrets(KubernetesClient client) {
        this.client = client;
    }

    /** The decoded values of {@code namespace/name}; null when it does not exist. */
    public Map<String, String> values(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) return null;
        var values = new LinkedHashMap<String, String>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        return values;
    }

    /** Writes {@code values} as an Opaque secret infra manages, replacing the keys infra wrote before. */
    public void apply(String namespace, String name, Map<String, String> values) {
        var data = new LinkedHashMap<String, String>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "infra").endMetadata()
                .withType("Opaque").withData(data).build();
        client.secrets().inNamespace(namespace).resource(secret).fieldManager("infra").forceConflicts().serverSideApply();
    }
}

package dev.infra.run;

import dev.infra.catalog.SecretSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the secrets the catalog marks {@code generate: true}: random values, made once and
 * never regenerated (a rerun only adds keys that are missing), copied to {@code alsoIn}.
 */
final class GeneratedSecrets {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final SecretMask mask;

    GeneratedSecrets(KubernetesClient client, SecretMask mask) {
        this.client = client;
        this.mask = mask;
    }

    void ensure(SecretSpec spec, String defaultNamespace, Namespaces namespaces) {
        String namespace = spec.namespace() != null ? spec.namespace() : defaultNamespace;
        namespaces.ensure(namespace);
        Secret existing = client.secrets().inNamespace(namespace).withName(spec.name()).get();
        Map<String, String> data = new LinkedHashMap<>(existing == null || existing.getData() == null ? Map.of() : existing.getData());
        boolean changed = existing == null;
        for (String key : spec.keys()) {
            if (!data.containsKey(key)) {
                data.put(key, encode(spec.fixed().getOrDefault(key, random(24))));
                changed = true;
            }
        }
        data.forEach((k, v) -> { if (!spec.fixed().containsKey(k)) mask.add(decode(v)); });
        if (changed) write(spec.name(), namespace, data);
        for (String copyNamespace : spec.alsoIn()) {
            namespaces.ensure(copyNamespace);
            write(spec.name(), copyNamespace, data);
        }
    }

    private void write(String name, String namespace, Map<String, String> data) {
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "infra").endMetadata()
                .withType("Opaque").withData(data).build();
        client.secrets().inNamespace(namespace).resource(secret).fieldManager("infra").forceConflicts().serverSideApply();
    }

    private static String random(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return out.toString();
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}

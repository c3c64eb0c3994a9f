package dev.infra.kube;

import dev.infra.catalog.Platform;
import dev.infra.errors.ConfigException;
import dev.infra.errors.NotFoundException;
import dev.infra.errors.Suggestions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads a secret's decoded values, finding well-known secrets' namespaces in the catalog. */
public final class SecretReader {
    /** What {@code infra secret get} shows: the decoded values, and a login hint when known. */
    public record SecretValues(String name, String namespace, String login, Map<String, String> data) {
    }

    private final KubernetesClient client;
    private final Platform platform;

    public SecretReader(KubernetesClient client, Platform platform) {
        this.client = client;
        this.platform = platform;
    }

    /** {@code namespace} may be null for secrets the catalog knows. */
    public SecretValues read(String name, String namespace) {
        var known = KnownSecret.all(platform).stream().filter(k -> k.name().equals(name)).findFirst();
        if (namespace == null && known.isEmpty()) {
            throw new ConfigException(Suggestions.unknown("secret", name, KnownSecret.all(platform).stream()
                    .map(KnownSecret::name).distinct().toList()) + " (for another secret, give its namespace with -n)");
        }
        String ns = namespace != null ? namespace : known.get().namespace();
        Secret secret = client.secrets().inNamespace(ns).withName(name).get();
        if (secret == null) {
            throw new NotFoundException("secret " + ns + "/" + name + " does not exist" + known.map(k ->
                    "; component '" + k.component().name() + "' " + (k.spec().generated() ? "generates" : "creates")
                            + " it (infra up --only " + k.component().name() + ")").orElse(""));
        }
        Map<String, String> data = new LinkedHashMap<>();
        new TreeMap<>(secret.getData() == null ? Map.<String, String>of() : secret.getData())
                .forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        if (secret.getStringData() != null) data.putAll(secret.getStringData());
        return new SecretValues(name, ns, known.map(k -> k.spec().login()).orElse(null), data);
    }
}

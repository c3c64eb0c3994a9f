package dev.infra.run;

import dev.infra.catalog.SecretSpec;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates the secrets the catalog marks {@code generate: true}: random values, made once and
 * never regenerated (a rerun only adds keys that are missing), copied to {@code alsoIn}.
 */
final class GeneratedSecrets {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretStore store;
    private final SecretMask mask;
    private final Supplier<String> random;

    GeneratedSecrets(SecretStore store, SecretMask mask) {
        this(store, mask, GeneratedSecrets::random);
    }

    /** {@code random} makes each new value: a test's values are predictable. */
    GeneratedSecrets(SecretStore store, SecretMask mask, Supplier<String> random) {
        this.store = store;
        this.mask = mask;
        this.random = random;
    }

    /** {@code namespaces} makes sure a namespace exists before a secret is written into it. */
    void ensure(SecretSpec spec, String defaultNamespace, Consumer<String> namespaces) {
        String namespace = spec.namespace() != null ? spec.namespace() : defaultNamespace;
        namespaces.accept(namespace);
        Map<String, String> existing = store.values(namespace, spec.name());
        Map<String, String> values = new LinkedHashMap<>(existing == null ? Map.of() : existing);
        for (String key : spec.keys()) {
            if (!values.containsKey(key)) values.put(key, spec.fixed().containsKey(key) ? spec.fixed().get(key) : random.get());
        }
        values.forEach((k, v) -> { if (!spec.fixed().containsKey(k)) mask.add(v); });
        if (!values.equals(existing)) store.apply(namespace, spec.name(), values);
        for (String copyNamespace : spec.alsoIn()) {
            namespaces.accept(copyNamespace);
            store.apply(copyNamespace, spec.name(), values);
        }
    }

    static String random() {
        var out = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return out.toString();
    }
}

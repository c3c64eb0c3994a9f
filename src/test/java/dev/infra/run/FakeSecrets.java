package dev.infra.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Secrets in a map; remembers each write as "namespace/name". */
final class FakeSecrets implements SecretStore {
    final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
    final List<String> applied = new ArrayList<>();

    FakeSecrets with(String namespace, String name, Map<String, String> values) {
        secrets.put(namespace + "/" + name, new LinkedHashMap<>(values));
        return this;
    }

    @Override
    public Map<String, String> values(String namespace, String name) {
        var values = secrets.get(namespace + "/" + name);
        return values == null ? null : new LinkedHashMap<>(values);
    }

    @Override
    public void apply(String namespace, String name, Map<String, String> values) {
        applied.add(namespace + "/" + name);
        secrets.put(namespace + "/" + name, new LinkedHashMap<>(values));
    }
}

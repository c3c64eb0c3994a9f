package dev.infra.catalog;

import java.util.List;

/**
 * A Secret a component creates or reads, so users can find it by name with {@code infra secret}.
 *
 * @param generate true when infra creates it once with random values (never regenerated);
 *                 false when the component itself creates it (e.g. PGO's pguser secret)
 * @param alsoIn   namespaces that get a copy, because components there read it too
 * @param login    a hint shown beside the value, e.g. the user name that goes with a password
 */
public record SecretSpec(String name, String namespace, List<String> keys, String description,
                         Boolean generate, List<String> alsoIn, String login) {

    public SecretSpec {
        keys = keys == null ? List.of() : List.copyOf(keys);
        alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
    }

    public boolean generated() {
        return Boolean.TRUE.equals(generate);
    }
}

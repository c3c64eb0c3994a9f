package dev.infra.catalog;

import java.util.List;

/**
 * A Secret a component creates or reads, so users can find it by name with {@code infra secret}.
 *
 * @param generate true when infra creates it once with random values (never regenerated);
 *                 false when the component itself creates it (e.g. PGO's pguser secret)
 * @param fixed    generated keys whose value is set rather than random (a user name)
 * @param alsoIn   namespaces that get a copy, because components there read it too
 * @param login    a hint shown beside the value, e.g. the user name that goes with a password
 */
public record SecretSpec(String name, String namespace, List<String> keys, String description,
                         Boolean generate, java.util.Map<String, String> fixed, List<String> alsoIn, String login) {

    public SecretSpec {
        keys = keys == null ? List.of() : List.copyOf(keys);
        fixed = fixed == null ? java.util.Map.of() : java.util.Map.copyOf(fixed);
        alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
    }

    public boolean generated() {
        return Boolean.TRUE.equals(generate);
    }
}

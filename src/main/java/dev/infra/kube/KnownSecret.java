package dev.infra.kube;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.SecretSpec;
import java.util.ArrayList;
import java.util.List;

/** A secret the catalog knows: where it lives, which component makes it, how to log in with it. */
public record KnownSecret(SecretSpec spec, String namespace, Component component) {

    public static List<KnownSecret> all(Platform platform) {
        var known = new ArrayList<KnownSecret>();
        for (Component c : platform.components()) {
            for (SecretSpec s : c.secrets()) {
                known.add(new KnownSecret(s, s.namespace() != null ? s.namespace() : c.namespace(), c));
            }
        }
        return known;
    }

    public String name() {
        return spec.name();
    }
}

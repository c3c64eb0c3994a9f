package dev.infra.cli;

import dev.infra.catalog.Platform;
import dev.infra.errors.ConfigException;
import dev.infra.kube.KubeSession;
import dev.infra.kube.KubeTarget;

/**
 * Refuses to apply a profile to a kube context it is not meant for, unless the user named it;
 * a production profile ({@code confirm: true}) is refused there even then.
 */
final class ContextGuard {
    private ContextGuard() {
    }

    static void check(Platform platform, KubeSession session, KubeTarget target) {
        if (platform.allowsContext(session.context())) return;
        if (platform.confirm()) {
            throw new ConfigException("profile '" + platform.profile() + "' is a production profile for contexts "
                    + String.join(", ", platform.contexts()) + "; it is never applied to context '" + session.context() + "'");
        }
        if (target.contextGivenExplicitly()) return;
        throw new ConfigException("profile '" + platform.profile() + "' is for contexts " + String.join(", ", platform.contexts())
                + ", but the current context is '" + session.context() + "'; pass --context " + session.context() + " if you mean it");
    }
}

package dev.infra.cli;

import dev.infra.catalog.Platform;
import dev.infra.errors.ConfigException;
import dev.infra.kube.KubeTarget;
import picocli.CommandLine.Option;

/**
 * Refuses to apply a profile to a kube context it is not meant for, unless the user named it;
 * a production profile ({@code confirm: true}) is refused there even then, and reaches a context
 * that only infra.yaml's {@code contexts} accept once the user confirmed that change.
 */
final class ContextGuard {
    @Option(names = "--accept-contexts",
            description = "Accept the kube contexts infra.yaml sets for a production profile (asked on a terminal otherwise).")
    boolean acceptContexts;

    void check(Platform platform, String context, KubeTarget target) {
        if (platform.widenedTo(context)) {
            confirmWidening(platform, context);
            return;
        }
        if (platform.allowsContext(context)) return;
        if (platform.confirm()) {
            throw new ConfigException("profile '" + platform.profile() + "' is a production profile for contexts "
                    + String.join(", ", platform.contexts()) + "; it is never applied to context '" + context + "'");
        }
        if (target.contextGivenExplicitly()) return;
        throw new ConfigException("profile '" + platform.profile() + "' is for contexts " + String.join(", ", platform.contexts())
                + ", but the current context is '" + context + "'; pass --context " + context + " if you mean it");
    }

    private void confirmWidening(Platform platform, String context) {
        if (acceptContexts) return;
        String change = "infra.yaml lets production profile '" + platform.profile() + "' onto context '" + context
                + "', which the profile's own contexts (" + String.join(", ", platform.profileContexts()) + ") do not accept";
        if (System.console() == null) throw new ConfigException(change + "; pass --accept-contexts if you mean it");
        Confirmation.ask(change + ". Accept?");
    }
}

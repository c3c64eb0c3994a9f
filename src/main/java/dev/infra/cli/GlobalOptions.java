package dev.infra.cli;

import dev.infra.kube.KubeTarget;
import dev.infra.output.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** kubectl's global flags; inherited, so they work before or after the subcommand. */
public final class GlobalOptions {
    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Kube context to use (default: the current context).")
    String context;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    Format output = Format.table;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show more: commands run, and the cause chain of errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    public Format output() {
        return output;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && terminal();
    }

    public boolean terminal() {
        return System.console() != null;
    }

    public KubeTarget kubeTarget() {
        return new KubeTarget(kubeconfig, context);
    }
}

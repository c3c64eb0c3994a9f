package dev.infra.cli;

import dev.infra.catalog.Platform;
import dev.infra.helm.Helm;
import dev.infra.helm.HelmVersion;
import dev.infra.kube.KubeSession;
import dev.infra.kube.KubeTarget;
import dev.infra.output.Colors;
import dev.infra.output.ConsoleProgress;
import dev.infra.output.Format;
import dev.infra.output.JsonProgress;
import dev.infra.output.Printer;
import dev.infra.run.Progress;
import dev.infra.run.SecretMask;
import dev.infra.sandbox.SandboxTarget;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "infra",
        description = "Provision a whole Kubernetes platform in one command, then operate it.",
        mixinStandardHelpOptions = true,
        // --help on every subcommand too, as every error message suggests it
        scope = ScopeType.INHERIT,
        versionProvider = InfraCommand.Version.class,
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage or configuration, 3 cluster",
                "unreachable, 4 not ready in time, 5 helm missing or older than 3.18, 7 the profile's",
                "pods do not fit on the nodes, 10 changes pending (infra diff), 130 interrupted."})
public final class InfraCommand implements Runnable {
    /** Every subcommand, in the order usage lists them; {@link CommandTree} adds only those a command line needs. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            PlanCommand.class,
            ValuesCommand.class,
            DiffCommand.class,
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            DoctorCommand.class,
            SecretCommand.class,
            MaintenanceCommand.class,
            PortForwardCommand.class,
            PsqlCommand.class,
            SandboxCommand.class,
            ExportCommand.class,
            ComponentsCommand.class,
            ProfilesCommand.class,
            VersionCommand.class,
            CompletionCommand.class);

    @Mixin
    final GlobalOptions global = new GlobalOptions();

    /** Every secret value this invocation has seen: its output and its errors show none of them. */
    final SecretMask mask = new SecretMask();

    @Spec
    CommandSpec spec;

    /**
     * The cluster a command of {@code platform} talks to: what the user named, and for the
     * sandbox profile the sandbox's own kubeconfig (an error when none is up).
     */
    KubeTarget kubeTarget(Platform platform) {
        return SandboxTarget.forUse(global.kubeTarget(), SandboxTarget.isSandboxProfile(platform.profileContexts()),
                new StandardSandbox(null));
    }

    /** As {@link #kubeTarget(Platform)}, for {@code up}: it starts the sandbox when none is up. */
    KubeTarget installTarget(Platform platform) {
        return SandboxTarget.forInstall(global.kubeTarget(), SandboxTarget.isSandboxProfile(platform.profileContexts()),
                new StandardSandbox(null), spec.commandLine().getErr()::println);
    }

    /** helm's version: the one helm call that needs no cluster (and fails early when helm is missing or too old). */
    HelmVersion helmVersion() {
        return helm(global.kubeTarget()).version();
    }

    /**
     * helm, pinned to the context {@code session} was opened (and checked) for, so that no call
     * follows a kubeconfig whose current context changed meanwhile; with -v its commands go to stderr.
     */
    Helm helm(KubeSession session) {
        return helm(session.pinned());
    }

    private Helm helm(KubeTarget target) {
        var err = spec.commandLine().getErr();
        return new Helm(Tools.helm(), target, mask, global.verbose() ? err::println : line -> { });
    }

    /** How a run shows its steps: JSON events with -o json, else lines (a spinner on a terminal). */
    Progress progress() {
        var out = spec.commandLine().getOut();
        return global.output() == Format.json ? new JsonProgress(out)
                : new ConsoleProgress(out, printer().colors(), global.terminal(), global.verbose());
    }

    /** Where subcommands print their results, in the format and colours the user asked for. */
    Printer printer() {
        return new Printer(spec.commandLine().getOut(), global.output(), new Colors(global.color()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version written into the jar's manifest by the build. */
    static final class Version implements IVersionProvider {
        static String number() {
            String version = InfraCommand.class.getPackage().getImplementationVersion();
            return version == null ? "dev" : version;
        }

        @Override
        public String[] getVersion() {
            return new String[]{"infra " + number()};
        }
    }
}

package dev.infra.cli;

import dev.infra.catalog.Durations;
import dev.infra.errors.CapacityException;
import dev.infra.errors.ConfigException;
import dev.infra.errors.ExitCodes;
import dev.infra.helm.Helm;
import dev.infra.kube.Kube;
import dev.infra.kube.SessionAhead;
import dev.infra.output.Format;
import dev.infra.plan.Planner;
import dev.infra.run.ChangePreview;
import dev.infra.run.ChartPods;
import dev.infra.run.InfraHome;
import dev.infra.run.InstallRequest;
import dev.infra.run.Installer;
import dev.infra.run.NextSteps;
import dev.infra.run.PlannedPods;
import dev.infra.run.Preflight;
import dev.infra.run.Retry;
import dev.infra.run.RunLock;
import dev.infra.run.SecretMask;
import dev.infra.run.StepOutcome;
import dev.infra.run.StepRunner;
import dev.infra.run.ValuesDirectory;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "up", description = {
        "Install or update the platform, waiting until each component is really ready.",
        "Every enabled component goes in dependency order, independent ones in parallel;",
        "unchanged, healthy components are skipped."})
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ContextGuard contextGuard;

    @Mixin
    LockOptions lock;

    @Mixin
    ChartSourceOption chartSource;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "6", description = "Steps at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--force", description = {"Reinstall components even when their inputs did not change,",
            "and install even when the profile's requests do not fit on the nodes."})
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Wait at most this long for any component (e.g. 5m; default: each component's own).")
    String timeout;

    @Option(names = "--yes", description = {"Do not ask for confirmation with a production profile (required when not on a terminal).",
            "Without it, the question comes after a summary of what would change (as 'infra diff' shows it)."})
    boolean yes;

    @Override
    public Integer call() {
        // the kubeconfig and TLS set-up go on beside the catalog, the plan and helm's version
        try (var ahead = SessionAhead.open(infra.global.kubeTarget())) {
            return call(ahead);
        }
    }

    private int call(SessionAhead ahead) {
        var platform = catalog.platform();
        var plan = new Planner().plan(selection.request(platform));
        if (parallel < 1) throw new ConfigException("--parallel must be at least 1");
        boolean ask = platform.confirm() && !yes;
        if (ask) Confirmation.checkAskable("infra up --profile " + platform.profile() + " (a production profile)");
        var err = infra.spec.commandLine().getErr();
        plan.warnings().forEach(w -> err.println("warning: " + w));
        var request = new InstallRequest(platform, plan, InfraHome.path(), chartSource.directory(), parallel, force,
                timeout == null ? null : Durations.parse(timeout));
        Preflight.check(request);

        var mask = infra.mask;
        var helmVersion = infra.helmVersion();
        var target = infra.installTarget(platform);
        try (var session = Kube.probed(ahead.session(target))) {
            contextGuard.check(platform, session.context(), target);
            var helm = infra.helm(session);
            if (ask) {
                err.print(changes(request, session.client(), helm, mask));
                err.flush();
                Confirmation.ask(String.format("Install or update %d components of profile '%s' on context '%s'?",
                        plan.steps().size(), platform.profile(), session.context()));
            }
            try (var runLock = lock.acquire(session.client(), platform.profile(), err);
                 var valuesDir = ValuesDirectory.forThisProcess()) {
                // under the lock: another run's pods are then all there, or all gone
                checkCapacity(request, session.client(), ChartPods.of(helm, helmVersion), valuesDir);
                return install(request, session.client(), helm, mask, runLock, valuesDir);
            }
        }
    }

    /**
     * What would change, for the person about to confirm it (as {@code infra diff} sums it up). A
     * preview that fails (a chart helm cannot render yet) is said, and the question still asked:
     * the install itself reports such failures better.
     */
    private String changes(InstallRequest request, KubernetesClient client, Helm helm, SecretMask mask) {
        try (var valuesDir = ValuesDirectory.forThisProcess()) {
            return ChangeSummary.of(new ChangePreview(request, client, helm, mask, valuesDir).components(), infra.printer().colors());
        } catch (RuntimeException e) {
            return "cannot show what would change: " + mask.apply(e.getMessage()) + "\n";
        }
    }

    /** Refuses, before anything is installed, a plan whose pods the nodes cannot hold; --force only warns. */
    private void checkCapacity(InstallRequest request, KubernetesClient client, ChartPods charts, ValuesDirectory valuesDir) {
        var err = infra.spec.commandLine().getErr();
        var report = PlannedPods.capacity(request, client, charts, valuesDir, w -> err.println("warning: " + w));
        if (report.isEmpty() || report.get().fits()) return;
        if (!force) throw new CapacityException(report.get().message() + "; --force installs anyway");
        err.println("warning: " + report.get().message());
    }

    /** Runs the plan under the lock; Ctrl-C stops it (exit 130). */
    private int install(InstallRequest request, KubernetesClient client, Helm helm, SecretMask mask, RunLock runLock,
                        ValuesDirectory valuesDir) {
        var progress = infra.progress();
        var steps = new StepRunner(request, client, helm, progress, mask, Retry.standard(), valuesDir, runLock);
        var installer = new Installer(request.plan(), parallel, steps, progress);
        List<StepOutcome> outcomes;
        try (var ctrlC = CtrlC.install(installer::interrupt)) {
            outcomes = installer.run();
        }
        if (installer.interrupted()) return ExitCodes.INTERRUPTED;
        int code = outcomes.stream().filter(o -> o.result() == StepOutcome.Result.FAILED).findFirst()
                .map(o -> ExitCodes.of(o.failure()))
                .orElse(outcomes.stream().allMatch(o -> o.result().ok()) ? ExitCodes.OK : ExitCodes.FAILURE);
        if (code == ExitCodes.OK && infra.global.output() != Format.json) {
            NextSteps.of(request.plan(), client).forEach(infra.spec.commandLine().getOut()::println);
        }
        return code;
    }
}

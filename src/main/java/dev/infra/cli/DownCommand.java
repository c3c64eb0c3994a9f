package dev.infra.cli;

import dev.infra.errors.ExitCodes;
import dev.infra.kube.Kube;
import dev.infra.plan.TeardownPlanner;
import dev.infra.run.InfraHome;
import dev.infra.run.StepOutcome;
import dev.infra.run.Uninstaller;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", description = {
        "Uninstall the platform, or with --only just the named components, in reverse order.",
        "Volumes, namespaces, databases and generated secrets stay unless --delete-data."})
final class DownCommand implements Callable<Integer> {
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

    @Option(names = "--yes", description = "Do not ask for confirmation (required when not on a terminal).")
    boolean yes;

    @Option(names = "--delete-data", description = "Also delete volumes, databases and generated secrets.")
    boolean deleteData;

    @Override
    public Integer call() {
        var platform = catalog.platform();
        var request = selection.request(platform);
        var planner = new TeardownPlanner();
        planner.checkNames(request);
        if (!yes) Confirmation.checkAskable("infra down");
        var mask = infra.mask;
        infra.helmVersion();
        var target = infra.kubeTarget(platform);
        try (var session = Kube.connect(target)) {
            contextGuard.check(platform, session.context(), target);
            var helm = infra.helm(session);
            var uninstaller = new Uninstaller(platform, session.client(), helm, infra.progress(), InfraHome.path(), mask);
            var components = planner.plan(request, uninstaller.installed(platform.enabled()));
            if (!yes) Confirmation.ask(String.format("Uninstall %d components from context '%s'%s?", components.size(),
                    session.context(), deleteData ? " and DELETE their data" : ""));
            List<StepOutcome> outcomes;
            try (var runLock = lock.acquire(session.client(), platform.profile(), infra.spec.commandLine().getErr())) {
                outcomes = uninstaller.run(components, deleteData);
            }
            return outcomes.stream().anyMatch(o -> o.result() == StepOutcome.Result.FAILED) ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }
}

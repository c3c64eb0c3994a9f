package dev.infra.cli;

import dev.infra.kube.Kube;
import dev.infra.kube.MaintenanceSwitch;
import dev.infra.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "maintenance", description = {
        "Switch the site into maintenance (a 503 page) and back.",
        "  infra maintenance on --message 'Back at 14:00'",
        "  infra maintenance off",
        "  infra maintenance status"})
final class MaintenanceCommand implements Callable<Integer> {
    enum Action { on, off, status }

    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ACTION", description = "${COMPLETION-CANDIDATES}")
    Action action;

    @Option(names = "--message", paramLabel = "TEXT", description = "Shown on the maintenance page.")
    String message;

    @Override
    public Integer call() {
        var platform = catalog.platform();
        String namespace = platform.component("static-assets").namespace();
        try (var session = Kube.connect(infra.kubeTarget(platform))) {
            var maintenance = new MaintenanceSwitch(session.client(), namespace);
            String said = null;
            if (action != Action.status) {
                boolean on = action == Action.on;
                boolean changed = maintenance.set(on, message);
                said = "maintenance " + (changed ? "is now " : "was already ") + action;
            }
            var state = maintenance.status();
            var table = Table.of("MAINTENANCE", "SINCE", "INGRESS", "CLASS", "PATHS")
                    .row(state.on() ? "on" : "off", state.since(), state.namespace() + "/" + state.ingress(), state.ingressClass(),
                            String.join(" ", state.paths()));
            infra.printer().print(state, table, said);
            return 0;
        }
    }
}

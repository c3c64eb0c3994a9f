package dev.infra.cli;

import dev.infra.errors.ExitCodes;
import dev.infra.kube.Kube;
import dev.infra.output.Table;
import dev.infra.run.ComponentStatus;
import dev.infra.run.StatusReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = {
        "Show each component's state, version, readiness, age and URLs.",
        "Exits 0 when everything is installed and ready, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Option(names = {"-w", "--watch"}, description = "Print again every --interval until Ctrl-C.")
    boolean watch;

    @Option(names = "--interval", defaultValue = "2s", paramLabel = "DURATION", description = "With --watch (default: ${DEFAULT-VALUE}).")
    String interval;

    @Override
    public Integer call() throws InterruptedException {
        var platform = catalog.platform();
        try (var session = Kube.connect(infra.kubeTarget(platform))) {
            var reader = new StatusReader(session.client());
            while (true) {
                var rows = reader.read(platform.enabled());
                boolean healthy = rows.stream().allMatch(ComponentStatus::healthy);
                infra.printer().print(new StatusDocument(platform.profile(), session.context(), healthy, rows), table(rows),
                        footer(rows, healthy));
                if (!watch) return healthy ? ExitCodes.OK : ExitCodes.FAILURE;
                Thread.sleep(dev.infra.catalog.Durations.parse(interval).toMillis());
            }
        }
    }

    record StatusDocument(String profile, String context, boolean healthy, List<ComponentStatus> components) {
    }

    private static Table table(List<ComponentStatus> rows) {
        var table = Table.of("COMPONENT", "NAMESPACE", "STATE", "VERSION", "READY", "HEALTH", "AGE", "URL");
        for (var r : rows) {
            table.row(r.component(), r.namespace(), r.state(), r.version() == null ? "-" : r.version(),
                    r.ready() + "/" + r.checks(), r.health().isEmpty() ? "-" : String.join(", ", r.health()),
                    age(r.installedAt()), r.urls().isEmpty() ? "-" : String.join(" ", r.urls()));
        }
        return table;
    }

    /** The verdict, and what keeps each installed component from being healthy. */
    private static String footer(List<ComponentStatus> rows, boolean healthy) {
        var text = new StringBuilder("\n").append(healthy ? "healthy" : "not healthy").append(": ")
                .append(rows.stream().filter(ComponentStatus::healthy).count()).append("/").append(rows.size())
                .append(" components installed and ready");
        rows.stream().filter(r -> !"not-installed".equals(r.state())).forEach(r ->
                r.waiting().forEach(w -> text.append("\n  ").append(r.component()).append(": ").append(w)));
        return text.toString();
    }

    private static String age(Instant since) {
        if (since == null) return "-";
        Duration d = Duration.between(since, Instant.now());
        return d.toDays() > 0 ? d.toDays() + "d" : d.toHours() > 0 ? d.toHours() + "h" : d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}

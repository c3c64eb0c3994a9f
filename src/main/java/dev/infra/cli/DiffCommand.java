package dev.infra.cli;

import dev.infra.diff.ComponentDiff;
import dev.infra.diff.ObjectChange;
import dev.infra.errors.ConfigException;
import dev.infra.errors.ExitCodes;
import dev.infra.kube.Kube;
import dev.infra.kube.ObjectRef;
import dev.infra.output.Colors;
import dev.infra.output.Format;
import dev.infra.plan.Planner;
import dev.infra.run.ChangePreview;
import dev.infra.run.InfraHome;
import dev.infra.run.InstallRequest;
import dev.infra.run.Preflight;
import dev.infra.run.ValuesDirectory;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "diff", description = {
        "Show what 'infra up' would change, component by component, changing nothing.",
        "A unified diff per object: helm's render now against the release, manifests against the live objects.",
        "Secret values never show. Exits 0 when nothing would change, 10 when something would."})
final class DiffCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Components read at once: each runs helm twice. */
    private static final int PARALLEL = 4;

    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ChartSourceOption chartSource;

    @Override
    public Integer call() {
        var format = infra.global.output();
        if (format != Format.table && format != Format.json) throw new ConfigException("-o " + format + " is not for 'infra diff'; use table or json");
        var platform = catalog.platform();
        var request = new InstallRequest(platform, new Planner().plan(selection.request(platform)), InfraHome.path(), chartSource.directory(), PARALLEL, false, null);
        Preflight.check(request);
        infra.helmVersion();
        List<ComponentDiff> components;
        try (var session = Kube.connect(infra.global.kubeTarget()); var valuesDir = ValuesDirectory.forThisProcess()) {
            components = new ChangePreview(request, session.client(), infra.helm(session), infra.mask, valuesDir).components();
        }
        print(components);
        return components.stream().anyMatch(ComponentDiff::pending) ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }

    private void print(List<ComponentDiff> components) {
        var out = infra.spec.commandLine().getOut();
        if (infra.global.output() == Format.json) {
            components.forEach(c -> records(c).forEach(r -> out.println(JSON.writeValueAsString(r))));
        } else {
            var colors = infra.printer().colors();
            components.forEach(c -> c.objects().forEach(o -> out.print(infra.mask.apply(colored(o.diff(), colors)))));
            out.print(ChangeSummary.of(components, colors));
        }
        out.flush();
    }

    /** {@code infra diff -o json}: one line per component and object (a component without changed objects: one, object null). */
    record DiffRecord(String component, String namespace, String state, String note, ObjectRef object, String change, String diff) {
    }

    /** Masked before JSON escapes a secret value's quotes or backslashes, which the mask would then miss. */
    private List<DiffRecord> records(ComponentDiff c) {
        String state = c.state().name().toLowerCase(Locale.ROOT);
        if (c.objects().isEmpty()) return List.of(new DiffRecord(c.component(), c.namespace(), state, c.note(), null, null, null));
        return c.objects().stream().map(o -> new DiffRecord(c.component(), c.namespace(), state, null, o.object(),
                o.change().name().toLowerCase(Locale.ROOT), infra.mask.apply(o.diff()))).toList();
    }

    private static String colored(String diff, Colors colors) {
        var out = new StringBuilder();
        for (String line : diff.lines().toList()) {
            boolean header = line.startsWith("---") || line.startsWith("+++");
            out.append(header ? colors.bold(line) : line.startsWith("-") ? colors.red(line) : line.startsWith("+") ? colors.green(line) : line).append('\n');
        }
        return out.toString();
    }
}

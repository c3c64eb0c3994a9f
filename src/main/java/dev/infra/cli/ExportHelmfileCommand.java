package dev.infra.cli;

import dev.infra.errors.ConfigException;
import dev.infra.export.Helmfile;
import dev.infra.plan.Planner;
import dev.infra.run.InfraHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "helmfile", description = {
        "Write the plan as a helmfile: helmfile.yaml with one release per component, needs: from the",
        "plan and helm's wait on, and each component's values in values/NAME.yaml. This project's",
        "charts are copied and plain manifests become charts of their own. Values that refer to",
        "secrets are left out and named in their values file; Secrets the releases need but the",
        "export does not create are listed on stderr."})
final class ExportHelmfileCommand implements Callable<Integer> {
    @ParentCommand
    ExportCommand export;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", required = true,
            description = "Directory to write helmfile.yaml and its files into.")
    Path dir;

    @Option(names = "--chart-source", paramLabel = "DIR",
            description = "Name the packaged charts (<chart>-<version>.tgz) and upstream manifests in DIR instead of their repositories.")
    Path chartSource;

    @Override
    public Integer call() {
        if (chartSource != null && !Files.isDirectory(chartSource)) throw new ConfigException("--chart-source " + chartSource + " is not a directory");
        var platform = catalog.platform();
        var plan = new Planner().plan(selection.request(platform));
        var source = chartSource == null ? null : chartSource.toAbsolutePath().normalize();
        var exporter = new Helmfile();
        var files = exporter.export(new Helmfile.Request(platform, plan, InfraHome.path(), source));
        var err = export.spec.commandLine().getErr();
        exporter.requiredSecrets(plan).forEach((secret, needers) -> err.println("note: create Secret " + secret
                + " before helmfile syncs " + String.join(", ", needers) + "; the export does not"));
        err.flush();
        files.writeTo(dir);
        export.spec.commandLine().getOut().println(plan.steps().size() + " releases written to " + dir.resolve("helmfile.yaml"));
        return 0;
    }
}

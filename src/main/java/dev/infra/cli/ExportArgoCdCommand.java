package dev.infra.cli;

import dev.infra.errors.ConfigException;
import dev.infra.export.ArgoCdApplications;
import dev.infra.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

@Command(name = "argocd", description = {
        "Write the plan as Argo CD Applications, one per component, with sync waves equal to the plan's",
        "waves. Values that refer to secrets are left out and named in an annotation; Secrets the",
        "Applications need but Argo CD will not create are annotated and listed on stderr."})
final class ExportArgoCdCommand implements Callable<Integer> {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).disable(YAMLWriteFeature.SPLIT_LINES).build();

    @ParentCommand
    ExportCommand export;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--repo", paramLabel = "URL",
            description = "Git repository with this project's charts/ and manifests/ (needed when the plan uses them).")
    String repo;

    @Option(names = "--argocd-namespace", paramLabel = "NS", defaultValue = "argocd",
            description = "Namespace Argo CD watches for Applications (default: ${DEFAULT-VALUE}).")
    String argoNamespace;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "Write one file per Application (NN-component.yaml) into DIR instead of stdout.")
    Path dir;

    @Override
    public Integer call() {
        var plan = new Planner().plan(selection.request(catalog.platform()));
        var exporter = new ArgoCdApplications();
        var applications = exporter.export(new ArgoCdApplications.Request(plan, repo, argoNamespace));
        var err = export.spec.commandLine().getErr();
        exporter.requiredSecrets(plan).forEach((secret, needers) -> err.println("note: create Secret " + secret
                + " before Argo CD syncs " + String.join(", ", needers) + "; the export does not"));
        err.flush();
        var out = export.spec.commandLine().getOut();
        if (dir == null) {
            applications.forEach(a -> out.print(YAML.writeValueAsString(a)));
            out.flush();
            return 0;
        }
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < applications.size(); i++) {
                Map<String, Object> app = applications.get(i);
                String name = (String) ((Map<?, ?>) app.get("metadata")).get("name");
                Files.writeString(dir.resolve(String.format("%02d-%s.yaml", i + 1, name)), YAML.writeValueAsString(app));
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write " + dir + ": " + e.getMessage(), e);
        }
        out.println(applications.size() + " Applications written to " + dir);
        return 0;
    }
}

package dev.infra.cli;

import dev.infra.errors.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.dataformat.yaml.YAMLMapper;

@Command(name = "values", description = {
        "Print the helm values infra gives a component's chart.",
        "They are the catalog's after the profile and infra.yaml.",
        "Secret references (${secret:NAME/KEY}) stay references: values are read only at install time.",
        "  infra values minio --profile ci > minio.yaml"})
final class ValuesCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "COMPONENT")
    String component;

    @Override
    public Integer call() {
        var c = catalog.platform().component(component);
        if (c.source().chartName() == null) {
            throw new ConfigException("component '" + component + "' applies manifests (" + c.source().display() + "), it has no helm values");
        }
        var out = infra.spec.commandLine().getOut();
        out.print(YAMLMapper.builder().build().writeValueAsString(c.values()));
        out.flush();
        return 0;
    }
}

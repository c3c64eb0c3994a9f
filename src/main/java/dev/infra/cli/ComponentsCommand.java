package dev.infra.cli;

import dev.infra.catalog.Component;
import dev.infra.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "components", description = "List the catalog's components and whether the profile enables them.")
final class ComponentsCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Override
    public Integer call() {
        var platform = catalog.platform();
        var table = Table.of("COMPONENT", "ENABLED", "NAMESPACE", "SOURCE", "DESCRIPTION");
        var rows = platform.components().stream().map(ComponentRow::of).toList();
        rows.forEach(r -> table.row(r.name(), r.enabled() ? "yes" : "no", r.namespace(), r.source(), r.description()));
        infra.printer().print(new ComponentList(platform.profile(), rows), table, null);
        return 0;
    }

    record ComponentList(String profile, List<ComponentRow> components) {
    }

    record ComponentRow(String name, boolean enabled, String namespace, String source, String description,
                        List<String> needs, List<String> secrets, List<String> portForwards) {
        static ComponentRow of(Component c) {
            return new ComponentRow(c.name(), c.isEnabled(), c.namespace(), c.source().display(), c.description(),
                    c.needs(), c.secrets().stream().map(s -> s.name()).toList(),
                    c.portForwards().stream().map(p -> p.name()).toList());
        }
    }
}

package dev.infra.cli;

import dev.infra.catalog.Catalog;
import dev.infra.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "profiles", description = "List the profiles and the kube contexts each may be applied to.")
final class ProfilesCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Override
    public Integer call() {
        var catalog = Catalog.bundled();
        var rows = catalog.profileNames().stream().map(name -> {
            var platform = catalog.resolve(name, java.util.Optional.empty());
            return new ProfileRow(name, platform.contexts(), platform.enabled().size(), platform.description());
        }).toList();
        var table = Table.of("PROFILE", "CONTEXTS", "COMPONENTS", "DESCRIPTION");
        rows.forEach(r -> table.row(r.name(), r.contexts().isEmpty() ? "any" : String.join(",", r.contexts()),
                r.components(), r.description()));
        infra.printer().print(rows, table, null);
        return 0;
    }

    record ProfileRow(String name, List<String> contexts, int components, String description) {
    }
}

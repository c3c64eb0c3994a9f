package dev.infra.cli;

import dev.infra.catalog.Platform;
import dev.infra.plan.PlanRequest;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --only} and {@code --skip}, shared by the commands that act on a plan. */
public final class SelectionOptions {
    @Option(names = "--only", split = ",", paramLabel = "COMPONENT",
            description = "Only these components and what they need.")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "COMPONENT",
            description = "Leave these out (warns when a kept component needs one).")
    List<String> skip = List.of();

    PlanRequest request(Platform platform) {
        return new PlanRequest(platform, new LinkedHashSet<>(only), new LinkedHashSet<>(skip));
    }
}

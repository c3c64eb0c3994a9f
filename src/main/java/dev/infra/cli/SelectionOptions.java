package dev.infra.cli;

import dev.infra.catalog.Platform;
import dev.infra.plan.PlanRequest;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --only} and {@code --skip}, shared by the commands that act on a plan. */
public final class SelectionOptions {
    @Option(names = "--only", split = ",", paramLabel = "COMPONENT",
            description = "Only these components: with what they need, except down, which removes them alone.")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "COMPONENT",
            description = "Leave these out (up warns when a kept component needs one; down refuses to remove what one needs).")
    List<String> skip = List.of();

    PlanRequest request(Platform platform) {
        return new PlanRequest(platform, new LinkedHashSet<>(only), new LinkedHashSet<>(skip));
    }
}

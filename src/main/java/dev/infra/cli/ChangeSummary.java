package dev.infra.cli;

import dev.infra.diff.ComponentDiff;
import dev.infra.diff.ObjectChange;
import dev.infra.output.Colors;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line per component that {@code up} would change, naming its objects; what {@code diff} and a production {@code up} show first. */
final class ChangeSummary {
    private ChangeSummary() {
    }

    static String of(List<ComponentDiff> components, Colors colors) {
        int width = components.stream().mapToInt(c -> c.component().length()).max().orElse(0);
        var out = new StringBuilder();
        for (ComponentDiff c : components) {
            if (c.pending()) out.append(line(c, width, colors)).append('\n');
        }
        long unchanged = components.stream().filter(c -> !c.pending()).count();
        out.append(unchanged == components.size() ? "no changes: " + unchanged + " components unchanged"
                : pending(components) + (unchanged > 0 ? ", " + unchanged + " unchanged" : "")).append('\n');
        return out.toString();
    }

    private static String line(ComponentDiff c, int width, Colors colors) {
        String name = String.format("%-" + width + "s", c.component());
        return switch (c.state()) {
            case INSTALL -> colors.green("+ " + name) + "  not installed, would install";
            case REPAIR -> colors.red("! " + name) + "  " + c.note();
            case CHANGED, UNCHANGED -> colors.yellow("~ " + name) + "  " + c.objects().stream().map(ChangeSummary::object).collect(Collectors.joining(", "));
        };
    }

    private static String object(ObjectChange o) {
        return o.object() + " " + o.change().name().toLowerCase(Locale.ROOT);
    }

    private static String pending(List<ComponentDiff> components) {
        long install = components.stream().filter(c -> c.state() == ComponentDiff.State.INSTALL || c.state() == ComponentDiff.State.REPAIR).count();
        var changed = components.stream().filter(c -> c.state() == ComponentDiff.State.CHANGED).toList();
        int objects = changed.stream().mapToInt(c -> c.objects().size()).sum();
        return install + " to install, " + changed.size() + " to change (" + objects + (objects == 1 ? " object)" : " objects)");
    }
}

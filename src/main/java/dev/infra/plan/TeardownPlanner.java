package dev.infra.plan;

import dev.infra.catalog.Component;
import dev.infra.errors.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which components {@code infra down} removes: the ones named with {@code --only} alone (all
 * enabled ones without it), less {@code --skip}, in reverse install order. Unlike {@code up} it
 * never pulls in what they need, and it refuses while an installed component that stays needs
 * one of them, since removing it would break that component.
 */
public final class TeardownPlanner {

    /** Refuses names that are not enabled components, before anything touches a cluster. */
    public void checkNames(PlanRequest request) {
        Planner.checkNames(request.platform(), request.only(), "--only");
        Planner.checkNames(request.platform(), request.skip(), "--skip");
    }

    /** @param installed the components that have anything in the cluster (a release or a record) */
    public List<Component> plan(PlanRequest request, Set<String> installed) {
        checkNames(request);
        var steps = new ArrayList<>(new Planner().plan(PlanRequest.all(request.platform())).steps());
        var removed = steps.stream().map(Step::name)
                .filter(name -> request.only().isEmpty() || request.only().contains(name))
                .filter(name -> !request.skip().contains(name))
                .toList();
        refuseWhileNeeded(steps, removed, installed);
        var components = new ArrayList<Component>();
        for (Step step : steps) {
            if (removed.contains(step.name())) components.add(0, step.component());
        }
        return List.copyOf(components);
    }

    private static void refuseWhileNeeded(List<Step> steps, List<String> removed, Set<String> installed) {
        Map<String, List<String>> neededBy = new LinkedHashMap<>();
        for (Step step : steps) {
            if (removed.contains(step.name()) || !installed.contains(step.name())) continue;
            var needed = step.needs().stream().filter(removed::contains).toList();
            if (!needed.isEmpty()) neededBy.put(step.name(), needed);
        }
        if (neededBy.isEmpty()) return;
        var reasons = neededBy.entrySet().stream()
                .map(e -> e.getKey() + " needs " + String.join(", ", e.getValue())).toList();
        throw new ConfigException("installed components still need what down would remove (" + String.join("; ", reasons)
                + "); remove them too, or first");
    }
}

package dev.infra.plan;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes an {@link InstallPlan} from a platform, without touching any cluster. */
public final class Planner {

    public InstallPlan plan(PlanRequest request) {
        Platform platform = request.platform();
        Map<String, Component> enabled = new LinkedHashMap<>();
        platform.enabled().forEach(c -> enabled.put(c.name(), c));
        checkNames(platform, request.only(), "--only");
        checkNames(platform, request.skip(), "--skip");

        Map<String, List<String>> implicit = new HashMap<>();
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (Component c : enabled.values()) {
            implicit.put(c.name(), providersOf(c, platform, enabled));
            var all = new LinkedHashSet<String>();
            for (String need : c.needs()) {
                if (!enabled.containsKey(need)) {
                    throw new ConfigException("component '" + c.name() + "' needs '" + need + "', which profile '"
                            + platform.profile() + "' does not enable; enable it in infra.yaml or --skip '" + c.name() + "'");
                }
                all.add(need);
            }
            all.addAll(implicit.get(c.name()));
            needs.put(c.name(), List.copyOf(all));
        }
        checkCycles(needs);

        Set<String> selected = select(needs, request.only());
        var warnings = new ArrayList<String>();
        for (String skipped : request.skip()) {
            if (!selected.remove(skipped)) continue;
            needs.forEach((name, itsNeeds) -> {
                if (selected.contains(name) && itsNeeds.contains(skipped)) {
                    warnings.add("'" + name + "' needs '" + skipped + "', which --skip leaves out: it must be installed already");
                }
            });
        }
        return build(platform, enabled, needs, implicit, selected, warnings);
    }

    private InstallPlan build(Platform platform, Map<String, Component> enabled, Map<String, List<String>> needs,
                              Map<String, List<String>> implicit, Set<String> selected, List<String> warnings) {
        Map<String, Integer> waves = new HashMap<>();
        Map<String, Duration> finish = new HashMap<>();
        Map<String, String> slowestNeed = new HashMap<>();
        var steps = new ArrayList<Step>();
        for (String name : topologicalOrder(needs)) {
            if (!selected.contains(name)) continue;
            var planned = needs.get(name).stream().filter(selected::contains).toList();
            int wave = 1 + planned.stream().mapToInt(waves::get).max().orElse(0);
            String slowest = planned.stream().max(Comparator.comparing(finish::get)).orElse(null);
            waves.put(name, wave);
            slowestNeed.put(name, slowest);
            finish.put(name, enabled.get(name).readyIn().plus(slowest == null ? Duration.ZERO : finish.get(slowest)));
            steps.add(new Step(enabled.get(name), wave, planned,
                    implicit.get(name).stream().filter(selected::contains).toList()));
        }
        var order = List.copyOf(enabled.keySet());
        steps.sort(Comparator.comparingInt(Step::wave).thenComparingInt(s -> order.indexOf(s.name())));

        Deque<String> path = new ArrayDeque<>();
        String last = steps.stream().map(Step::name).max(Comparator.comparing(finish::get)).orElse(null);
        for (String n = last; n != null; n = slowestNeed.get(n)) path.addFirst(n);
        return new InstallPlan(platform.profile(), List.copyOf(steps), List.copyOf(path),
                last == null ? Duration.ZERO : finish.get(last), List.copyOf(warnings));
    }

    /** The enabled components that provide the CRDs {@code c} uses. */
    private static List<String> providersOf(Component c, Platform platform, Map<String, Component> enabled) {
        var providers = new ArrayList<String>();
        for (String kind : c.uses()) {
            var candidates = platform.components().stream().filter(p -> p.provides().contains(kind)).toList();
            var active = candidates.stream().filter(p -> enabled.containsKey(p.name()) && !p.name().equals(c.name())).toList();
            if (active.isEmpty() && candidates.stream().noneMatch(p -> p.name().equals(c.name()))) {
                throw new ConfigException("component '" + c.name() + "' uses " + kind + ", but "
                        + (candidates.isEmpty() ? "no component provides it"
                        : "its provider '" + candidates.get(0).name() + "' is not enabled in profile '" + platform.profile() + "'"));
            }
            active.forEach(p -> { if (!providers.contains(p.name())) providers.add(p.name()); });
        }
        return providers;
    }

    static void checkNames(Platform platform, Set<String> names, String flag) {
        for (String name : names) {
            if (!platform.names().contains(name)) {
                throw new ConfigException(flag + ": " + Suggestions.unknown("component", name, platform.names()));
            }
            if (!platform.component(name).isEnabled()) {
                throw new ConfigException(flag + ": component '" + name + "' is not enabled in profile '" + platform.profile() + "'");
            }
        }
    }

    /** {@code only} and everything it needs, directly or not; all components when it is empty. */
    private static Set<String> select(Map<String, List<String>> needs, Set<String> only) {
        if (only.isEmpty()) return new LinkedHashSet<>(needs.keySet());
        var selected = new LinkedHashSet<String>();
        Deque<String> todo = new ArrayDeque<>(only);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (selected.add(name)) todo.addAll(needs.get(name));
        }
        return selected;
    }

    private static void checkCycles(Map<String, List<String>> needs) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : needs.keySet()) visit(start, needs, state, new ArrayDeque<>());
    }

    private static void visit(String name, Map<String, List<String>> needs, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(name);
        if (s != null && s == 2) return;
        path.addLast(name);
        if (s != null) {
            var cycle = new ArrayList<>(path);
            throw new ConfigException("dependency cycle: " + String.join(" -> ", cycle.subList(cycle.indexOf(name), cycle.size())));
        }
        state.put(name, 1);
        for (String need : needs.get(name)) visit(need, needs, state, path);
        state.put(name, 2);
        path.removeLast();
    }

    /** Needs before the components that need them; ties in catalog order. */
    private static List<String> topologicalOrder(Map<String, List<String>> needs) {
        var order = new LinkedHashSet<String>();
        for (String name : needs.keySet()) addWithNeeds(name, needs, order);
        return List.copyOf(order);
    }

    private static void addWithNeeds(String name, Map<String, List<String>> needs, Set<String> order) {
        if (order.contains(name)) return;
        for (String need : needs.get(name)) addWithNeeds(need, needs, order);
        order.add(name);
    }
}

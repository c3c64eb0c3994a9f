package dev.infra.plan;

import dev.infra.catalog.Component;
import java.util.List;

/**
 * One component's place in the plan.
 *
 * @param wave          1 for components that need nothing in the plan; otherwise one more than
 *                      the highest wave among its needs. Steps of one wave can run in parallel.
 * @param needs         every planned component this one waits for, declared or implied
 * @param implicitNeeds the part of {@code needs} that comes from CRDs this component uses
 */
public record Step(Component component, int wave, List<String> needs, List<String> implicitNeeds) {
    public String name() {
        return component.name();
    }
}

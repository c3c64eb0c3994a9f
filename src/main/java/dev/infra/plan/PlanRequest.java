package dev.infra.plan;

import dev.infra.catalog.Platform;
import java.util.Set;

/**
 * What to plan: a resolved platform, narrowed to {@code only} (plus everything those need) and
 * without {@code skip} (components the user says are installed already or not wanted).
 */
public record PlanRequest(Platform platform, Set<String> only, Set<String> skip) {
    public PlanRequest {
        only = Set.copyOf(only);
        skip = Set.copyOf(skip);
    }

    public static PlanRequest all(Platform platform) {
        return new PlanRequest(platform, Set.of(), Set.of());
    }
}

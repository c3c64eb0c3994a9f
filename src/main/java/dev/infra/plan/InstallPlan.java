package dev.infra.plan;

import java.time.Duration;
import java.util.List;

/**
 * The order in which a profile's components install. Steps are sorted by wave, then by catalog
 * order; the critical path is the chain of needs with the longest typical readiness time, which
 * bounds how fast any installer can be.
 */
public record InstallPlan(String profile, List<Step> steps, List<String> criticalPath,
                          Duration criticalPathTime, List<String> warnings) {

    public int waves() {
        return steps.stream().mapToInt(Step::wave).max().orElse(0);
    }
}

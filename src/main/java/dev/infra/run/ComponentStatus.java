package dev.infra.run;

import java.time.Instant;
import java.util.List;

/**
 * One component as the cluster has it.
 *
 * @param state   not-installed, deployed, applied, or helm's status (failed, pending-upgrade, ...)
 * @param waiting   what the checks that are not ready report, and the resources that are not healthy
 * @param health    per health rule: {@code "Application 3/4 Healthy"}
 * @param unhealthy how many resources its health rules found not healthy
 */
public record ComponentStatus(String component, String namespace, String state, String version, int ready, int checks,
                              Instant installedAt, List<String> urls, List<String> waiting, List<String> health,
                              int unhealthy) {

    public boolean healthy() {
        return ("deployed".equals(state) || "applied".equals(state)) && ready == checks && unhealthy == 0;
    }
}

package dev.infra.run;

import dev.infra.catalog.Platform;
import dev.infra.plan.InstallPlan;
import java.nio.file.Path;

/**
 * What {@code infra up} was asked to do.
 *
 * @param chartSource a directory of packaged charts and upstream manifests to use instead of the
 *                    internet (air-gapped clusters); null to download
 * @param parallel    how many steps may run at once
 * @param force       reinstall components whose inputs did not change
 * @param timeout     the longest any component is waited for (null: each component's own timeout)
 */
public record InstallRequest(Platform platform, InstallPlan plan, Path home, Path chartSource, int parallel,
                             boolean force, java.time.Duration timeout) {

    java.time.Duration timeoutOf(dev.infra.catalog.Component c) {
        return timeout == null || c.timeout().compareTo(timeout) < 0 ? c.timeout() : timeout;
    }
}

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
 */
public record InstallRequest(Platform platform, InstallPlan plan, Path home, Path chartSource, int parallel,
                             boolean force) {
}

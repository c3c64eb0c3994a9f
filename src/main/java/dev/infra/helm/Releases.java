package dev.infra.helm;

import java.nio.file.Path;

/**
 * What the engine does with helm releases: {@link Helm} in production, a fake in the unit tests
 * of the engine's decisions (helmfile's {@code helmexec.Interface} is the model). Failures are
 * {@link HelmException}s carrying helm's output.
 */
public interface Releases {
    void upgradeInstall(String release, String namespace, ChartRef chart, Path valuesFile);

    void uninstall(String release, String namespace);

    void rollback(String release, String namespace, int revision);
}

package dev.infra.cli;

import dev.infra.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --chart-source}, shared by the commands that render or install charts (offline machines). */
public final class ChartSourceOption {
    @Option(names = "--chart-source", paramLabel = "DIR",
            description = "Take upstream charts (<chart>-<version>.tgz) and manifests from DIR instead of the internet.")
    Path dir;

    /** The directory, or null when none was given; a path that is not a directory is bad input. */
    Path directory() {
        if (dir != null && !Files.isDirectory(dir)) throw new ConfigException("--chart-source " + dir + " is not a directory");
        return dir;
    }
}

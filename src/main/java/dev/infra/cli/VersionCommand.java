package dev.infra.cli;

import dev.infra.helm.HelmVersion;
import dev.infra.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Show infra's version, the Java it runs on and the helm it runs.")
final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Override
    public Integer call() {
        HelmVersion helm = helm();
        var info = new VersionInfo(InfraCommand.Version.number(), System.getProperty("java.version"),
                System.getProperty("os.name") + "/" + System.getProperty("os.arch"),
                helm == null ? null : helm.toString(), helm == null ? null : helm.major());
        var table = Table.of("INFRA", "JAVA", "PLATFORM", "HELM").row(info.infra(), info.java(), info.platform(),
                helm == null ? "none usable (see infra doctor)" : info.helm());
        infra.printer().print(info, table, null);
        return 0;
    }

    /** The helm infra would run, or null: a version is worth showing without one. */
    private HelmVersion helm() {
        try {
            return infra.helmVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code helm} and {@code helmMajor} are null when there is no helm infra can use. */
    record VersionInfo(String infra, String java, String platform, String helm, Integer helmMajor) {
    }
}

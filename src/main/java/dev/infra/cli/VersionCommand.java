package dev.infra.cli;

import dev.infra.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Show infra's version and the Java it runs on.")
final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Override
    public Integer call() {
        var info = new VersionInfo(InfraCommand.Version.number(), System.getProperty("java.version"),
                System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        infra.printer().print(info, Table.of("INFRA", "JAVA", "PLATFORM").row(info.infra(), info.java(), info.platform()), null);
        return 0;
    }

    record VersionInfo(String infra, String java, String platform) {
    }
}

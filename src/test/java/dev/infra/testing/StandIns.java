package dev.infra.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A chart source for the whole catalog: the real charts of ../shared/upstream-charts and the
 * stand-ins (src/test/standins) of those it lacks, as scripts/standins.sh makes it.
 */
public final class StandIns {
    private StandIns() {
    }

    /** Runs scripts/standins.sh into {@code dir}, for {@code infra up --chart-source dir}. */
    public static void packageInto(Path dir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("standins", ".log");
        Process script = new ProcessBuilder("bash", "scripts/standins.sh", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = script.waitFor(2, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        assertTrue(done && script.exitValue() == 0, "scripts/standins.sh failed:\n" + output);
    }
}

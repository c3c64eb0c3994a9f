package dev.infra.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The stand-ins of upstream charts (src/test/standins), packaged as a chart source directory. */
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

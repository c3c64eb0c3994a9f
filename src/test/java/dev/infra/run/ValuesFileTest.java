package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.Testbin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values files as the real helm reads them (helm 4 unless INFRA_HELM names another). */
class ValuesFileTest {
    static final Path HELLO = Path.of("src/test/resources/charts/hello").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void emptyValuesAreAFileHelmReads() throws Exception {
        try (var dir = ValuesDirectory.open(home, "1-1", id -> true); var values = ValuesFile.write(dir, Map.of())) {
            assertTrue(helmTemplate(values.path()).contains("replicas: 1"));
        }
    }

    @Test
    void valuesReachTheChart() throws Exception {
        try (var dir = ValuesDirectory.open(home, "1-1", id -> true);
             var values = ValuesFile.write(dir, Map.of("replicas", 2, "greeting", "hi"))) {
            String manifest = helmTemplate(values.path());
            assertTrue(manifest.contains("replicas: 2") && manifest.contains("value: \"hi\""), manifest);
        }
    }

    /** The manifest {@code helm template} renders; fails with helm's output when helm refuses the file. */
    private static String helmTemplate(Path values) throws IOException, InterruptedException {
        var process = new ProcessBuilder(Testbin.helm().toString(), "template", "hello", HELLO.toString(),
                "--values", values.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "helm template did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}

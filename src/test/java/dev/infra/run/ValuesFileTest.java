package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.ConfigException;
import dev.infra.testing.Testbin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Test
    void secretReferencesAnywhereInTheValuesAreReplacedAndMasked() {
        var secrets = new FakeSecrets().with("apps", "db", Map.of("password", "Kq7vXw2mPz9r", "user", "appuser"));
        var mask = new SecretMask();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", "postgres://${secret:db/user}:${secret:db/password}@db:5432");
        values.put("nested", Map.of("list", List.of("${secret:db/password}", 3)));
        values.put("replicas", 2);
        values.put("plain", "no reference");
        var resolved = ValuesFile.resolve(values, "apps", secrets, mask);
        assertEquals("postgres://appuser:Kq7vXw2mPz9r@db:5432", resolved.get("url"));
        assertEquals(Map.of("list", List.of("Kq7vXw2mPz9r", 3)), resolved.get("nested"));
        assertEquals(2, resolved.get("replicas"));
        assertEquals("no reference", resolved.get("plain"));
        assertEquals("******", mask.apply("Kq7vXw2mPz9r"));
        assertEquals("postgres://${secret:db/user}:${secret:db/password}@db:5432", values.get("url"), "the input is left as it was");
    }

    @Test
    void aReplacementIsTakenLiterally() {
        var secrets = new FakeSecrets().with("apps", "db", Map.of("password", "a$1b\\c"));
        var resolved = ValuesFile.resolve(Map.of("password", "${secret:db/password}"), "apps", secrets, new SecretMask());
        assertEquals("a$1b\\c", resolved.get("password"));
    }

    @Test
    void aMissingSecretOrKeyIsAConfigErrorNamingItWithoutValues() {
        var secrets = new FakeSecrets().with("apps", "db", Map.of("password", "Kq7vXw2mPz9r"));
        var missingKey = assertThrows(ConfigException.class,
                () -> ValuesFile.resolve(Map.of("a", "${secret:db/token}"), "apps", secrets, new SecretMask()));
        assertEquals("values refer to secret apps/db key token, which does not exist", missingKey.getMessage());
        var missingSecret = assertThrows(ConfigException.class,
                () -> ValuesFile.resolve(Map.of("a", "${secret:other/token}"), "apps", secrets, new SecretMask()));
        assertEquals("values refer to secret apps/other key token, which does not exist", missingSecret.getMessage());
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyHoldsTheYamlAndGoesOnClose() throws Exception {
        Path file;
        try (var dir = ValuesDirectory.open(home, "1-1", id -> true); var values = ValuesFile.write(dir, Map.of("greeting", "hi"))) {
            file = values.path();
            assertEquals(dir.path(), file.getParent());
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
            assertEquals("greeting: \"hi\"\n", Files.readString(file));
            values.close();
            assertFalse(Files.exists(file));
        }
    }

    @Test
    void emptyValuesAreAnEmptyMapWithoutDocumentMarker() {
        assertEquals("{}\n", ValuesFile.yaml(Map.of()));
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

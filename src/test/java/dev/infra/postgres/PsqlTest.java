package dev.infra.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.ExitCodes;
import dev.infra.errors.PrerequisiteMissingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsqlTest {
    private static final DatabaseLogin LOGIN = new DatabaseLogin("app", "s3:cr\\et", "app", "db-credentials", "apps", "POSTGRES_PASSWORD");

    @Test
    void theCommandLineNamesHostPortUserAndDatabaseButNeverThePassword() {
        var command = Psql.command(Path.of("/usr/bin/psql"), "127.0.0.1", 40123, LOGIN, List.of("-c", "select 1"));

        assertEquals(List.of("/usr/bin/psql", "--host=127.0.0.1", "--port=40123", "--username=app", "--dbname=app",
                "--no-password", "-c", "select 1"), command);
    }

    @Test
    void thePasswordReachesPsqlOnlyThroughThePgpassFile() {
        Map<String, String> env = new HashMap<>(Map.of("PGPASSWORD", "the user's own", "HOME", "/home/u"));

        Psql.environment(env, Path.of("/tmp/private/pgpass"));

        assertEquals(Map.of("PGPASSFILE", "/tmp/private/pgpass", "HOME", "/home/u"), env);
        assertEquals("127.0.0.1:40123:app:app:s3\\:cr\\\\et", LOGIN.pgpassLine("127.0.0.1", 40123));
    }

    @Test
    void whatIsShownOfALoginHoldsNoPassword() {
        assertEquals("psql \"host=127.0.0.1 port=5432 user=app dbname=app\"  (password: infra secret get db-credentials -n apps --key POSTGRES_PASSWORD)",
                LOGIN.connectionLine("127.0.0.1", 5432));
        assertFalse(LOGIN.toString().contains("s3:cr"), LOGIN.toString());
    }

    @Test
    void psqlIsFoundThroughInfraPsqlFirstThenPath(@TempDir Path dir) throws IOException {
        Path onPath = executable(dir.resolve("bin/psql"));
        Path chosen = executable(dir.resolve("other/psql-16"));

        assertEquals(Optional.of(onPath), Psql.locate(Map.of("PATH", "/nowhere:" + onPath.getParent())));
        assertEquals(Optional.of(chosen), Psql.locate(Map.of("PATH", onPath.getParent().toString(), "INFRA_PSQL", chosen.toString())));
        assertEquals(Optional.empty(), Psql.locate(Map.of("PATH", "/nowhere", "INFRA_PSQL", " ")));
    }

    @Test
    void withoutPsqlTheErrorSaysHowToGetItAndExitsAsAMissingPrerequisite() {
        var e = assertThrows(PrerequisiteMissingException.class, () -> Psql.find(Map.of("PATH", "/nowhere")));

        assertTrue(e.getMessage().startsWith("psql not found on PATH (or INFRA_PSQL): install the PostgreSQL client"), e.getMessage());
        assertEquals(ExitCodes.PREREQUISITE_MISSING, ExitCodes.of(e));
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

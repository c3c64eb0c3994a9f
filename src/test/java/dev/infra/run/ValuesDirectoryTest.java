package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesDirectoryTest {
    @TempDir
    Path home;

    @Test
    void theRunsDirectoryAndItsParentsAreReadableByTheOwnerOnly() throws Exception {
        Path root = home.resolve(".infra/values");
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var dir = ValuesDirectory.open(root, "1-2", id -> true)) {
            assertEquals(root.resolve("1-2"), dir.path());
            for (Path p : new Path[]{home.resolve(".infra"), root, dir.path()}) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
    }

    @Test
    void closingRemovesTheDirectoryWithItsFiles() throws Exception {
        var dir = ValuesDirectory.open(home, "1-2", id -> true);
        Files.writeString(dir.path().resolve("infra-values-1.yaml"), "password: s3cret");
        dir.close();
        assertFalse(Files.exists(dir.path()));
        dir.close();
    }

    @Test
    void openingSweepsTheDirectoriesOfRunsThatAreGoneAndKeepsRunningOnes() throws Exception {
        Files.createDirectories(home.resolve("10-1"));
        Files.writeString(Files.createDirectories(home.resolve("11-1")).resolve("infra-values-1.yaml"), "password: s3cret");
        Files.writeString(home.resolve("stray.yaml"), "password: s3cret");
        try (var dir = ValuesDirectory.open(home, "12-1", id -> id.equals("10-1"))) {
            try (var left = Files.list(home)) {
                assertEquals(Set.of("10-1", "12-1"), left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
            }
        }
    }

    @Test
    void aProcessGetsItsOwnDirectoryUnderTheUsersHome() {
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try (var dir = ValuesDirectory.forThisProcess()) {
            assertEquals(home.resolve(".infra/values/" + ValuesDirectory.RunId.of(ProcessHandle.current())), dir.path());
            assertTrue(Files.isDirectory(dir.path()));
        } finally {
            System.setProperty("user.home", before);
        }
    }

    @Test
    void aRunIsNamedByItsProcessIdAndStartTime() {
        var self = ProcessHandle.current();
        assertEquals(self.pid() + "-" + self.info().startInstant().orElseThrow().toEpochMilli(), ValuesDirectory.RunId.of(self));
    }

    @Test
    void aRunIsRunningOnlyWhileItsProcessWithThatStartTimeLives() throws Exception {
        assertTrue(ValuesDirectory.RunId.isRunning(ValuesDirectory.RunId.of(ProcessHandle.current())));
        assertFalse(ValuesDirectory.RunId.isRunning(ProcessHandle.current().pid() + "-1"), "the pid was reused by another process");
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        assertFalse(ValuesDirectory.RunId.isRunning(ValuesDirectory.RunId.of(gone.toHandle())));
        assertFalse(ValuesDirectory.RunId.isRunning("not-a-run"));
    }
}

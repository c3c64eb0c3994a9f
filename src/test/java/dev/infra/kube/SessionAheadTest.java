package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionAheadTest {
    private static KubeTarget kubeconfig(Path dir, String name, String server) throws IOException {
        return new KubeTarget(Files.writeString(dir.resolve(name), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: %s, context: {cluster: c, user: u}}]
                current-context: %s
                """.formatted(server, name, name)), null);
    }

    @Test
    void theSessionOpenedAheadServesItsOwnTargetAndAnotherTargetGetsItsOwn(@TempDir Path dir) throws IOException {
        var guessed = kubeconfig(dir, "guessed", "https://127.0.0.1:1");
        var other = kubeconfig(dir, "other", "https://127.0.0.1:2");
        try (var session = SessionAhead.open(guessed).session(guessed)) {
            assertEquals("guessed", session.context());
        }
        try (var session = SessionAhead.open(guessed).session(other)) {
            assertEquals("other", session.context());
            assertTrue(session.client().getMasterUrl().toString().contains(":2"), session.client().getMasterUrl().toString());
        }
    }

    @Test
    void aFailureToOpenAheadSurfacesOnlyWhenThatTargetIsUsed(@TempDir Path dir) throws IOException {
        var missing = new KubeTarget(dir.resolve("missing"), null);
        var failure = assertThrows(ConfigException.class, () -> SessionAhead.open(missing).session(missing));
        assertTrue(failure.getMessage().startsWith("cannot read kubeconfig"), failure.getMessage());

        var other = kubeconfig(dir, "other", "https://127.0.0.1:2");
        try (var session = SessionAhead.open(missing).session(other)) {
            assertEquals("other", session.context());
        }
    }

    @Test
    void aSessionOpenedAheadIsClosedWithItUnlessHandedOut(@TempDir Path dir) throws Exception {
        var guessed = kubeconfig(dir, "guessed", "https://127.0.0.1:1");
        var before = SessionCloseTest.httpSelectors();
        try (var ahead = SessionAhead.open(guessed)) {
            ahead.session(kubeconfig(dir, "other", "https://127.0.0.1:2")).close();
        }
        SessionCloseTest.awaitEnded(before);

        try (var ahead = SessionAhead.open(guessed); var session = ahead.session(guessed)) {
            ahead.close();
            Thread.sleep(200);
            assertEquals("guessed", session.context());
            assertTrue(SessionCloseTest.httpSelectors().stream().anyMatch(t -> !before.contains(t)),
                    "the session handed out is the caller's to close");
        }
        SessionCloseTest.awaitEnded(before);
    }
}

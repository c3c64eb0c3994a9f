package dev.infra.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig whose only context, {@code gone}, names an API server where nothing listens. */
public final class UnreachableCluster {
    public static final String SERVER = "https://127.0.0.1:1";

    private UnreachableCluster() {
    }

    public static Path kubeconfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "%s"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: gone, context: {cluster: gone, user: u}}]
                current-context: gone
                """.formatted(SERVER));
    }
}

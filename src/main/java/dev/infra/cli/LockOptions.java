package dev.infra.cli;

import dev.infra.run.RunLock;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --no-wait}, for the commands that take the cluster's run lock (up, down). */
final class LockOptions {
    @Option(names = "--no-wait", description = "Exit 1 at once when another infra run holds this cluster and profile, instead of waiting.")
    boolean noWait;

    /** The run lock of {@code profile}; while another run holds it, says so on {@code err} and waits (or fails). */
    RunLock acquire(KubernetesClient client, String profile, PrintWriter err) {
        return RunLock.acquire(client, profile, !noWait, message -> {
            err.println("infra: " + message);
            err.flush();
        });
    }
}

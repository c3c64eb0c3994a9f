package dev.infra.sandbox;

import dev.infra.errors.ClusterUnreachableException;
import dev.infra.kube.KubeTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which cluster a command of the sandbox profile talks to: the sandbox's own kubeconfig, unless
 * the user named another with {@code --kubeconfig} or {@code --context}. So on a fresh machine
 * {@code infra up --profile sandbox} needs no {@code export KUBECONFIG}, and it starts the
 * sandbox when none is up (or starts it again when it stopped, as after a restart of the machine);
 * commands that only read or remove say how to start it instead.
 */
public final class SandboxTarget {
    /** The sandbox as these decisions see it: {@link Sandbox} in use, a fake in unit tests. */
    public interface Box {
        boolean exists();

        Path kubeconfig();

        /** Starts it (building its binaries first when they are missing), saying what it does. */
        void start(Consumer<String> progress);

        /** Whether its processes run: after a restart of the machine it exists but does not. */
        boolean running();

        /** Starts the processes of a sandbox that exists but does not run (its simulator too). */
        void resume(Consumer<String> progress);

        /** Starts its simulator again when it was lost; true when it had to. */
        boolean ensureSimulator();
    }

    private SandboxTarget() {
    }

    /** A profile meant for the sandbox alone: its own contexts are the sandbox's and no other. */
    public static boolean isSandboxProfile(List<String> profileContexts) {
        return profileContexts.equals(List.of(Sandbox.CONTEXT));
    }

    /** For {@code infra up}: the sandbox, started first when none is up or it stopped (its lost simulator too). */
    public static KubeTarget forInstall(KubeTarget given, boolean sandboxProfile, Box box, Consumer<String> progress) {
        if (!sandboxProfile || namedByUser(given)) return given;
        if (!box.exists()) {
            progress.accept("no sandbox is up: starting one (infra sandbox down removes it)");
            box.start(progress);
        } else if (!box.running()) {
            box.resume(progress);
        } else if (box.ensureSimulator()) {
            progress.accept("the sandbox's simulator was not running: started it again");
        }
        return new KubeTarget(box.kubeconfig(), null);
    }

    /** For the other commands: the sandbox when it is up; none up is an error that says how to start one. */
    public static KubeTarget forUse(KubeTarget given, boolean sandboxProfile, Box box) {
        if (!sandboxProfile || namedByUser(given)) return given;
        if (!box.exists()) {
            throw new ClusterUnreachableException("no sandbox is up; infra up --profile sandbox (or infra sandbox up) starts one",
                    null);
        }
        if (!box.running()) {
            throw new ClusterUnreachableException("the sandbox is stopped (did the machine restart?); "
                    + "infra up --profile sandbox (or infra sandbox up) starts it again as it was", null);
        }
        return new KubeTarget(box.kubeconfig(), null);
    }

    private static boolean namedByUser(KubeTarget given) {
        return given.kubeconfig() != null || given.contextGivenExplicitly();
    }
}

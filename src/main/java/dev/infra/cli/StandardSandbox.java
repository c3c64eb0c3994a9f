package dev.infra.cli;

import dev.infra.sandbox.Sandbox;
import dev.infra.sandbox.SandboxTarget;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The user's sandbox ({@link Sandbox#standard()}) as the commands of a profile start and find it. */
final class StandardSandbox implements SandboxTarget.Box {
    static final int NODES = 3;

    private final Sandbox sandbox = Sandbox.standard();
    private final Path bin;

    /** {@code bin}: the cluster binaries, null to find or build them as {@link SandboxBinaries} does. */
    StandardSandbox(Path bin) {
        this.bin = bin;
    }

    @Override
    public boolean exists() {
        return sandbox.exists();
    }

    @Override
    public Path kubeconfig() {
        return sandbox.kubeconfig();
    }

    @Override
    public void start(Consumer<String> progress) {
        sandbox.up(SandboxBinaries.find(bin, progress), NODES, progress);
    }

    @Override
    public boolean running() {
        return sandbox.running();
    }

    @Override
    public void resume(Consumer<String> progress) {
        sandbox.resume(SandboxBinaries.find(bin, progress), progress);
    }

    @Override
    public boolean ensureSimulator() {
        return sandbox.ensureSimulator();
    }
}

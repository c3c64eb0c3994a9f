package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.errors.ClusterUnreachableException;
import dev.infra.kube.KubeTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SandboxTargetTest {
    private static final KubeTarget DEFAULT = new KubeTarget(null, null);

    /** A sandbox that is up or not, running or stopped, whose simulator runs or not; it records what was started. */
    private static final class FakeBox implements SandboxTarget.Box {
        boolean up;
        boolean running;
        boolean simulatorRunning;
        int starts;
        int resumes;
        int simulatorStarts;

        FakeBox(boolean up, boolean simulatorRunning) {
            this.up = up;
            this.running = up;
            this.simulatorRunning = simulatorRunning;
        }

        static FakeBox stopped() {
            var box = new FakeBox(true, false);
            box.running = false;
            return box;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public void resume(Consumer<String> progress) {
            resumes++;
            running = true;
            simulatorRunning = true;
        }

        @Override
        public boolean exists() {
            return up;
        }

        @Override
        public Path kubeconfig() {
            return Path.of("/state/infra/sandbox/kubeconfig");
        }

        @Override
        public void start(Consumer<String> progress) {
            progress.accept("building");
            starts++;
            up = true;
            running = true;
            simulatorRunning = true;
        }

        @Override
        public boolean ensureSimulator() {
            if (simulatorRunning) return false;
            simulatorStarts++;
            simulatorRunning = true;
            return true;
        }
    }

    @Test
    void upStartsTheSandboxWhenNoneIsUpAndInstallsIntoIt() {
        var box = new FakeBox(false, false);
        List<String> said = new ArrayList<>();
        var target = SandboxTarget.forInstall(DEFAULT, true, box, said::add);
        assertEquals(1, box.starts);
        assertEquals(new KubeTarget(box.kubeconfig(), null), target);
        assertTrue(said.get(0).startsWith("no sandbox is up: starting one"), said.toString());
        assertEquals("building", said.get(1), "the start's own progress reaches the user");
    }

    @Test
    void upUsesTheRunningSandboxWithoutStartingAnother() {
        var box = new FakeBox(true, true);
        List<String> said = new ArrayList<>();
        assertEquals(new KubeTarget(box.kubeconfig(), null), SandboxTarget.forInstall(DEFAULT, true, box, said::add));
        assertEquals(0, box.starts);
        assertEquals(0, box.simulatorStarts);
        assertEquals(List.of(), said);
    }

    @Test
    void upStartsTheSimulatorOfASandboxThatLostIt() {
        var box = new FakeBox(true, false);
        List<String> said = new ArrayList<>();
        SandboxTarget.forInstall(DEFAULT, true, box, said::add);
        assertEquals(0, box.starts);
        assertEquals(1, box.simulatorStarts);
        assertEquals(List.of("the sandbox's simulator was not running: started it again"), said);
    }

    @Test
    void upStartsAStoppedSandboxAgainInsteadOfMakingANewOne() {
        var box = FakeBox.stopped();
        assertEquals(new KubeTarget(box.kubeconfig(), null), SandboxTarget.forInstall(DEFAULT, true, box, line -> { }));
        assertEquals(1, box.resumes);
        assertEquals(0, box.starts);
    }

    @Test
    void commandsOtherThanUpSayAStoppedSandboxIsStopped() {
        var box = FakeBox.stopped();
        var e = assertThrows(ClusterUnreachableException.class, () -> SandboxTarget.forUse(DEFAULT, true, box));
        assertTrue(e.getMessage().startsWith("the sandbox is stopped"), e.getMessage());
        assertEquals(0, box.resumes);
    }

    @Test
    void aKubeconfigOrContextTheUserNamedIsUsedAndNoSandboxStarts() {
        var box = new FakeBox(false, false);
        var kubeconfig = new KubeTarget(Path.of("/elsewhere/config"), null);
        var context = new KubeTarget(null, "kind-test");
        assertSame(kubeconfig, SandboxTarget.forInstall(kubeconfig, true, box, line -> { }));
        assertSame(context, SandboxTarget.forInstall(context, true, box, line -> { }));
        assertSame(context, SandboxTarget.forUse(context, true, box));
        assertEquals(0, box.starts);
    }

    @Test
    void otherProfilesNeverStartOrTargetTheSandbox() {
        var box = new FakeBox(false, false);
        assertSame(DEFAULT, SandboxTarget.forInstall(DEFAULT, false, box, line -> { }));
        assertSame(DEFAULT, SandboxTarget.forUse(DEFAULT, false, box));
        assertEquals(0, box.starts);
    }

    @Test
    void commandsOtherThanUpFindTheSandboxButNeverStartOne() {
        var up = new FakeBox(true, false);
        assertEquals(new KubeTarget(up.kubeconfig(), null), SandboxTarget.forUse(DEFAULT, true, up));
        assertEquals(0, up.simulatorStarts);
        var none = new FakeBox(false, false);
        var e = assertThrows(ClusterUnreachableException.class, () -> SandboxTarget.forUse(DEFAULT, true, none));
        assertEquals("no sandbox is up; infra up --profile sandbox (or infra sandbox up) starts one", e.getMessage());
        assertEquals(0, none.starts);
    }

    @Test
    void onlyAProfileForTheSandboxContextAloneIsTheSandboxProfile() {
        assertTrue(SandboxTarget.isSandboxProfile(Catalog.bundled().resolve("sandbox", Optional.empty()).profileContexts()));
        assertFalse(SandboxTarget.isSandboxProfile(Catalog.bundled().resolve("ci", Optional.empty()).profileContexts()));
        assertFalse(SandboxTarget.isSandboxProfile(List.of(Sandbox.CONTEXT, "minikube")));
    }
}

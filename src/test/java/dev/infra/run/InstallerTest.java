package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.infra.catalog.Component;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The scheduler alone: steps are fakes that succeed, fail, throw, hang or ignore interrupts. */
class InstallerTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    enum Behaviour { SUCCEED, FAIL, THROW, HANG, IGNORE_INTERRUPTS, POLL_THE_RUN }

    /** Installs nothing; does what each component's behaviour says and records what it saw. */
    static final class FakeSteps implements StepInstaller {
        final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
        final Map<String, Runnable> onStart = new ConcurrentHashMap<>();
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile Duration work = Duration.ofMillis(20);

        volatile BooleanSupplier interrupted;

        @Override
        public StepOutcome install(Component c, BooleanSupplier interrupted) {
            this.interrupted = interrupted;
            started.add(c.name());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            firstStarted.countDown();
            onStart.getOrDefault(c.name(), () -> { }).run();
            try {
                return behave(c.name(), behaviours.getOrDefault(c.name(), Behaviour.SUCCEED));
            } finally {
                running.decrementAndGet();
            }
        }

        private StepOutcome behave(String name, Behaviour behaviour) {
            switch (behaviour) {
                case FAIL -> {
                    return new StepOutcome(name, StepOutcome.Result.FAILED, Duration.ZERO, "broken", new IllegalStateException());
                }
                case THROW -> throw new IllegalStateException("secret-value-in-a-message");
                case HANG -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        return new StepOutcome(name, StepOutcome.Result.FAILED, Duration.ZERO, "wait ended", e);
                    }
                }
                case IGNORE_INTERRUPTS -> awaitUninterruptibly(release);
                case POLL_THE_RUN -> {
                    // as a step whose helm call swallowed the thread's interrupt: it sees the run's flag
                    while (!interrupted.getAsBoolean()) sleep(Duration.ofMillis(5));
                    return new StepOutcome(name, StepOutcome.Result.FAILED, Duration.ZERO, "stopped", null);
                }
                default -> sleep(work);
            }
            return new StepOutcome(name, StepOutcome.Result.INSTALLED, Duration.ZERO, "ready", null);
        }
    }

    /** Remembers every finished step and the summary, in order. */
    static final class RecordingProgress implements Progress {
        final List<StepOutcome> finished = Collections.synchronizedList(new ArrayList<>());
        volatile Boolean summaryInterrupted;

        @Override
        public void started(String component, String action) {
        }

        @Override
        public void note(String component, String message) {
        }

        @Override
        public void finished(StepOutcome outcome) {
            finished.add(outcome);
        }

        @Override
        public void summary(List<StepOutcome> outcomes, Duration took, boolean interrupted) {
            summaryInterrupted = interrupted;
        }
    }

    /** A plan from "name" or "name<need1,need2" entries, in that order (needs first). */
    static InstallPlan plan(String... entries) {
        var steps = new ArrayList<Step>();
        for (String entry : entries) {
            String[] parts = entry.split("<");
            List<String> needs = parts.length == 1 ? List.of() : Arrays.asList(parts[1].split(","));
            steps.add(new Step(component(parts[0]), 1, needs, List.of()));
        }
        return new InstallPlan("test", steps, List.of(), Duration.ZERO, List.of());
    }

    static Component component(String name) {
        return new Component(name, null, null, null, null, "ns", null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    final FakeSteps steps = new FakeSteps();
    final RecordingProgress progress = new RecordingProgress();

    Map<String, StepOutcome> run(Installer installer) {
        var byName = new LinkedHashMap<String, StepOutcome>();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> installer.run()).forEach(o -> byName.put(o.component(), o));
        return byName;
    }

    @Test
    void dependentsOfAFailedStepAreSkippedWithTheReasonAndUnrelatedBranchesGoOn() {
        steps.behaviours.put("db", Behaviour.FAIL);
        var installer = new Installer(plan("db", "api<db", "web<api", "docs"), 2, steps, progress);
        var outcomes = run(installer);
        assertFalse(installer.interrupted());
        assertEquals(StepOutcome.Result.FAILED, outcomes.get("db").result());
        assertEquals("needs db, which failed", outcomes.get("api").detail());
        assertEquals("needs api, which was skipped", outcomes.get("web").detail());
        assertEquals(StepOutcome.Result.SKIPPED, outcomes.get("web").result());
        assertEquals(StepOutcome.Result.INSTALLED, outcomes.get("docs").result());
        assertEquals(List.of("db", "docs"), steps.started.stream().sorted().toList(), "skipped steps never start");
        assertEquals(List.of("db", "api", "web", "docs"), List.copyOf(outcomes.keySet()), "results in plan order");
        assertEquals(Boolean.FALSE, progress.summaryInterrupted);
        assertEquals(4, progress.finished.size(), "each step reported once: " + progress.finished);
    }

    @Test
    void aStepThatThrowsFailsWithoutItsMessageAndSkipsItsDependents() {
        steps.behaviours.put("db", Behaviour.THROW);
        var outcomes = run(new Installer(plan("db", "api<db"), 1, steps, progress));
        assertEquals(StepOutcome.Result.FAILED, outcomes.get("db").result());
        assertEquals("unexpected IllegalStateException", outcomes.get("db").detail());
        assertTrue(outcomes.get("db").failure() instanceof IllegalStateException);
        assertEquals("needs db, which failed", outcomes.get("api").detail());
    }

    @Test
    void neverMoreThanParallelStepsRunAtOnce() {
        steps.work = Duration.ofMillis(100);
        var outcomes = run(new Installer(plan("a", "b", "c", "d", "e", "f"), 2, steps, progress));
        assertTrue(outcomes.values().stream().allMatch(o -> o.result() == StepOutcome.Result.INSTALLED), outcomes.toString());
        assertEquals(2, steps.mostAtOnce.get());
    }

    @Test
    void aStepStartsAsSoonAsItsOwnNeedsAreDoneWhileAnUnrelatedOneStillRuns() {
        var dependentStarted = new CountDownLatch(1);
        var slowSawIt = new AtomicInteger();
        steps.onStart.put("slow", () -> {
            if (awaitUninterruptibly(dependentStarted)) slowSawIt.incrementAndGet();
        });
        steps.onStart.put("after-quick", dependentStarted::countDown);
        var outcomes = run(new Installer(plan("quick", "slow", "after-quick<quick"), 3, steps, progress));
        assertEquals(1, slowSawIt.get(), "after-quick waited for slow, which it does not need");
        assertEquals(StepOutcome.Result.INSTALLED, outcomes.get("after-quick").result());
    }

    @Test
    void interruptWithMoreReadyStepsThanParallelCompletesEveryStepAndReturnsPromptly() throws Exception {
        "abcde".chars().forEach(c -> steps.behaviours.put(String.valueOf((char) c), Behaviour.HANG));
        var installer = new Installer(plan("a", "b", "c", "d", "e", "f<a"), 1, steps, progress);
        var run = CompletableFuture.supplyAsync(installer::run);
        assertTrue(steps.firstStarted.await(5, TimeUnit.SECONDS));
        installer.interrupt();
        var outcomes = run.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(6, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o.result() == StepOutcome.Result.SKIPPED && o.detail().equals("interrupted")),
                outcomes.toString());
        assertEquals(1, steps.started.size(), "nothing starts after the interrupt: " + steps.started);
        assertTrue(installer.interrupted());
        assertEquals(Boolean.TRUE, progress.summaryInterrupted);
        assertEquals(6, progress.finished.size(), "each step reported once: " + progress.finished);
    }

    @Test
    void aStepThatIgnoresTheInterruptIsReportedInterruptedAfterTheGraceAndOnlyOnce() throws Exception {
        steps.behaviours.put("stubborn", Behaviour.IGNORE_INTERRUPTS);
        var installer = new Installer(plan("done", "stubborn<done"), 2, steps, progress, Duration.ofMillis(1500));
        var run = CompletableFuture.supplyAsync(installer::run);
        while (!steps.started.contains("stubborn")) Thread.sleep(10);
        installer.interrupt();
        installer.interrupt();
        var outcomes = run.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(StepOutcome.Result.INSTALLED, outcomes.get(0).result(), "a step finished before the interrupt stays done");
        assertEquals("interrupted, still running after 1s", outcomes.get(1).detail());
        steps.release.countDown();
        while (steps.running.get() > 0) Thread.sleep(10);
        Thread.sleep(100);
        assertEquals(2, progress.finished.size(), "the late end of the stubborn step is not reported: " + progress.finished);
    }

    @Test
    void aStepThatMissedTheThreadInterruptLearnsOfItFromTheRun() throws Exception {
        steps.behaviours.put("a", Behaviour.POLL_THE_RUN);
        var installer = new Installer(plan("a"), 1, steps, progress, Duration.ofMinutes(1));
        var run = CompletableFuture.supplyAsync(installer::run);
        assertTrue(steps.firstStarted.await(5, TimeUnit.SECONDS));
        assertFalse(steps.interrupted.getAsBoolean());
        installer.interrupt();
        var outcomes = run.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals("interrupted", outcomes.get(0).detail(), "ended by the step, not left behind after the grace");
    }

    @Test
    void aRunInterruptedBeforeItStartsStartsNothingAndEndsAtOnce() throws Exception {
        var installer = new Installer(plan("a", "b<a"), 1, steps, progress, Duration.ofMinutes(1));
        installer.interrupt();
        var byName = new LinkedHashMap<String, StepOutcome>();
        CompletableFuture.supplyAsync(installer::run).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(o -> byName.put(o.component(), o));
        var outcomes = byName;
        assertTrue(steps.started.isEmpty(), steps.started.toString());
        assertEquals("interrupted", outcomes.get("a").detail());
        assertEquals("interrupted", outcomes.get("b").detail());
    }

    @Test
    void aStepThatSucceedsDespiteTheInterruptKeepsItsOutcome() throws Exception {
        var interrupting = new CountDownLatch(1);
        steps.onStart.put("a", () -> awaitUninterruptibly(interrupting));
        var installer = new Installer(plan("a", "b<a"), 1, steps, progress);
        var run = CompletableFuture.supplyAsync(installer::run);
        assertTrue(steps.firstStarted.await(5, TimeUnit.SECONDS));
        installer.interrupt();
        interrupting.countDown();
        var outcomes = run.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(StepOutcome.Result.INSTALLED, outcomes.get(0).result());
        assertEquals("interrupted", outcomes.get(1).detail());
        assertFalse(steps.started.contains("b"));
    }

    static boolean awaitUninterruptibly(CountDownLatch latch) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // ignored on purpose: this fake stands for a step that does not notice interrupts
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

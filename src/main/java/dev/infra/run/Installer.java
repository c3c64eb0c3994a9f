package dev.infra.run;

import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a plan: each step starts as soon as everything it needs is ready (waves are for reading
 * the plan, not barriers), at most {@code parallel} at a time. A failed step skips the steps that
 * need it; unrelated branches go on. {@link #interrupt()} stops launching steps.
 */
public final class Installer {
    /** How long an interrupted step may take to notice before the run ends without it. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final InstallPlan plan;
    private final StepInstaller steps;
    private final Progress progress;
    private final Duration grace;
    private final ExecutorService pool;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final Map<String, CompletableFuture<StepOutcome>> outcomes = new LinkedHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

    public Installer(InstallPlan plan, int parallel, StepInstaller steps, Progress progress) {
        this(plan, parallel, steps, progress, GRACE);
    }

    Installer(InstallPlan plan, int parallel, StepInstaller steps, Progress progress, Duration grace) {
        this.plan = plan;
        this.steps = steps;
        this.progress = progress;
        this.grace = grace;
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        plan.steps().forEach(step -> outcomes.put(step.name(), new CompletableFuture<>()));
    }

    /**
     * Starts no new step and interrupts the running ones (their waits end at once; a helm call
     * cut short leaves a pending release, which the next run repairs). Steps still running after
     * a grace period are reported as interrupted without waiting for them.
     */
    public synchronized void interrupt() {
        if (interrupted.getAndSet(true)) return;
        // queued steps never start, so they are finished here, or their futures would never complete
        for (Runnable queued : pool.shutdownNow()) {
            Step step = ((StepTask) queued).step;
            finish(step, interruptedOutcome(step));
        }
        // what is still running then did not notice; the user learns it may still be changing the cluster
        String leftBehind = "interrupted, still running after " + grace.toSeconds() + "s";
        CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS).execute(
                () -> plan.steps().forEach(step -> finish(step, skipped(step, leftBehind))));
    }

    public boolean interrupted() {
        return interrupted.get();
    }

    public List<StepOutcome> run() {
        Instant start = Instant.now();
        try {
            for (Step step : plan.steps()) {
                var needs = step.needs().stream().map(outcomes::get).toArray(CompletableFuture[]::new);
                CompletableFuture.allOf(needs).thenRun(() -> start(step));
            }
            var results = outcomes.values().stream().map(CompletableFuture::join).toList();
            progress.summary(results, Duration.between(start, Instant.now()), interrupted.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Called once all of {@code step}'s needs have finished; holds the same lock as
     * {@link #interrupt()}, so no step is handed to a pool that was shut down.
     */
    private synchronized void start(Step step) {
        Optional<StepOutcome> skipped = reasonToSkip(step);
        if (skipped.isPresent()) {
            finish(step, skipped.get());
        } else {
            pool.execute(new StepTask(step));
        }
    }

    private Optional<StepOutcome> reasonToSkip(Step step) {
        if (interrupted.get()) return Optional.of(interruptedOutcome(step));
        for (String name : step.needs()) {
            StepOutcome need = outcomes.get(name).join();
            if (!need.result().ok()) {
                String which = need.result() == StepOutcome.Result.FAILED ? "failed" : "was skipped";
                return Optional.of(skipped(step, "needs " + name + ", which " + which));
            }
        }
        return Optional.empty();
    }

    private final class StepTask implements Runnable {
        private final Step step;

        StepTask(Step step) {
            this.step = step;
        }

        @Override
        public void run() {
            if (interrupted.get()) {
                finish(step, interruptedOutcome(step));
                return;
            }
            StepOutcome outcome = install(step);
            finish(step, interrupted.get() && !outcome.result().ok() ? interruptedOutcome(step) : outcome);
        }
    }

    private StepOutcome install(Step step) {
        try {
            return steps.install(step.component(), interrupted::get);
        } catch (RuntimeException e) {
            // the message could hold a secret value; the class name cannot
            return new StepOutcome(step.name(), StepOutcome.Result.FAILED, Duration.ZERO,
                    "unexpected " + e.getClass().getSimpleName(), e);
        }
    }

    /** Completes {@code step} once: the first outcome counts, and is reported before the run can end. */
    private void finish(Step step, StepOutcome outcome) {
        if (!finished.add(step.name())) return;
        progress.finished(outcome);
        outcomes.get(step.name()).complete(outcome);
    }

    private static StepOutcome interruptedOutcome(Step step) {
        return skipped(step, "interrupted");
    }

    private static StepOutcome skipped(Step step, String reason) {
        return new StepOutcome(step.name(), StepOutcome.Result.SKIPPED, Duration.ZERO, reason, null);
    }
}

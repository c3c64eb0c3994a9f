package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.Helm;
import dev.infra.plan.Step;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a plan: each step starts as soon as everything it needs is ready (waves are for reading
 * the plan, not barriers), at most {@code parallel} at a time. A failed step skips the steps that
 * need it; unrelated branches go on. {@link #interrupt()} stops launching steps.
 */
public final class Installer {
    private final InstallRequest request;
    private final StepRunner runner;
    private final Progress progress;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final ExecutorService pool;

    public Installer(InstallRequest request, KubernetesClient client, Helm helm, Progress progress, SecretMask mask, Retry retry) {
        this.request = request;
        this.progress = progress;
        this.runner = new StepRunner(request, client, helm, progress, mask, retry);
        this.pool = Executors.newFixedThreadPool(Math.max(1, request.parallel()));
    }

    /**
     * Starts no new step and interrupts the running ones (their waits end at once; a helm call
     * cut short leaves a pending release, which the next run repairs).
     */
    public void interrupt() {
        interrupted.set(true);
        pool.shutdownNow();
    }

    public boolean interrupted() {
        return interrupted.get();
    }

    public List<StepOutcome> run() {
        Instant start = Instant.now();
        Map<String, CompletableFuture<StepOutcome>> outcomes = new LinkedHashMap<>();
        try {
            for (Step step : request.plan().steps()) {
                var needs = step.needs().stream().map(outcomes::get).toList();
                var future = CompletableFuture.allOf(needs.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> runWhenNeedsAreReady(step.component(), step.needs(), needs), pool)
                        .exceptionally(rejected -> report(interruptedOutcome(step.name())));
                outcomes.put(step.name(), future);
            }
            var results = new ArrayList<StepOutcome>();
            outcomes.values().forEach(f -> results.add(f.join()));
            progress.summary(results, Duration.between(start, Instant.now()), interrupted.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private StepOutcome runWhenNeedsAreReady(Component c, List<String> names, List<CompletableFuture<StepOutcome>> needs) {
        for (int i = 0; i < needs.size(); i++) {
            StepOutcome need = needs.get(i).join();
            if (!need.result().ok()) {
                return report(new StepOutcome(c.name(), StepOutcome.Result.SKIPPED, Duration.ZERO,
                        "needs " + names.get(i) + ", which " + (need.result() == StepOutcome.Result.FAILED ? "failed" : "was skipped"), null));
            }
        }
        if (interrupted.get()) return report(interruptedOutcome(c.name()));
        StepOutcome outcome = runner.run(c);
        return report(interrupted.get() && !outcome.result().ok() ? interruptedOutcome(c.name()) : outcome);
    }

    private static StepOutcome interruptedOutcome(String component) {
        return new StepOutcome(component, StepOutcome.Result.SKIPPED, Duration.ZERO, "interrupted", null);
    }

    private StepOutcome report(StepOutcome outcome) {
        progress.finished(outcome);
        return outcome;
    }
}

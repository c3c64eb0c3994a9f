package dev.infra.output;

import dev.infra.run.Progress;
import dev.infra.run.StepOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A line per finished step (a check mark or a cross, with its duration), and on a terminal a
 * spinner line naming the steps still running. Without a terminal: the same lines, no spinner.
 */
public final class ConsoleProgress implements Progress, AutoCloseable {
    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final PrintWriter out;
    private final Colors colors;
    private final boolean verbose;
    private final Map<String, Long> running = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService spinner;
    private int frame;

    public ConsoleProgress(PrintWriter out, Colors colors, boolean terminal, boolean verbose) {
        this.out = out;
        this.colors = colors;
        this.verbose = verbose;
        this.spinner = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spinner");
            t.setDaemon(true);
            return t;
        }) : null;
        if (spinner != null) spinner.scheduleAtFixedRate(this::spin, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void started(String component, String action) {
        running.put(component, System.nanoTime());
        if (spinner == null) line("  " + action + " " + component);
    }

    @Override
    public void note(String component, String message) {
        line("  " + colors.yellow("!") + " " + component + ": " + message);
    }

    @Override
    public void finished(StepOutcome o) {
        running.remove(o.component());
        String name = String.format("%-24s", o.component());
        String took = String.format("%6.1fs", o.took().toMillis() / 1000.0);
        switch (o.result()) {
            case INSTALLED -> line(colors.green("✓") + " " + name + took);
            case UNCHANGED -> { if (verbose) line(colors.green("=") + " " + name + "  unchanged"); }
            case FAILED -> line(colors.red("✗") + " " + name + took + "  " + o.detail());
            case SKIPPED -> line(colors.yellow("-") + " " + name + "  skipped: " + o.detail());
        }
    }

    @Override
    public void summary(List<StepOutcome> outcomes, Duration took, boolean interrupted) {
        close();
        long installed = count(outcomes, StepOutcome.Result.INSTALLED);
        long unchanged = count(outcomes, StepOutcome.Result.UNCHANGED);
        long failed = count(outcomes, StepOutcome.Result.FAILED);
        long skipped = count(outcomes, StepOutcome.Result.SKIPPED);
        String text = outcomes.size() + " components: " + installed + " installed, " + unchanged + " unchanged, "
                + failed + " failed, " + skipped + " skipped in " + took.toSeconds() + "s" + (interrupted ? " (interrupted)" : "");
        line(failed + skipped == 0 ? colors.bold(text) : colors.red(text));
    }

    private static long count(List<StepOutcome> outcomes, StepOutcome.Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    private synchronized void line(String text) {
        if (spinner != null) out.print("\r\u001b[K");
        out.println(text);
        out.flush();
    }

    private synchronized void spin() {
        if (running.isEmpty()) return;
        long oldest = running.values().stream().min(Long::compare).orElse(System.nanoTime());
        out.print("\r\u001b[K" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + String.join(", ", running.keySet())
                + " (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - oldest) + "s)");
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (spinner != null && !spinner.isShutdown()) {
            spinner.shutdownNow();
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}

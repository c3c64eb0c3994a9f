package dev.infra.run;

import dev.infra.helm.HelmException;
import dev.infra.retry.TransientFailure;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an action again, with exponential backoff, when it failed for a reason that goes away by
 * itself (a reset connection, a TLS handshake timeout, a 5xx from the API server); anything
 * else fails at once.
 */
public final class Retry {
    private final int attempts;
    private final Duration firstDelay;
    private final Consumer<Duration> pause;

    public Retry(int attempts, Duration firstDelay) {
        this(attempts, firstDelay, Retry::sleep);
    }

    /** {@code pause} waits between attempts: a test hears the backoff instead of sleeping through it. */
    Retry(int attempts, Duration firstDelay, Consumer<Duration> pause) {
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.pause = pause;
    }

    public static Retry standard() {
        return new Retry(5, Duration.ofSeconds(1));
    }

    /** {@code action}'s result; {@code note} hears about each retry. */
    public <T> T run(String what, Supplier<T> action, Consumer<String> note) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !TransientFailure.is(e)) throw e;
                note.accept(what + " failed (" + reason(e) + "); retry " + attempt + " of " + (attempts - 1)
                        + " in " + delay.toSeconds() + "s");
                pause.accept(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    public void run(String what, Runnable action, Consumer<String> note) {
        run(what, () -> {
            action.run();
            return null;
        }, note);
    }

    private static String reason(Throwable e) {
        String message = e instanceof HelmException helm ? helm.output().strip() : String.valueOf(e.getMessage());
        var lines = message.lines().toList();
        return lines.isEmpty() ? e.getClass().getSimpleName() : lines.get(lines.size() - 1);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

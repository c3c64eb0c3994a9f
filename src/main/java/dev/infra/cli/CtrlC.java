package dev.infra.cli;

import dev.infra.errors.ExitCodes;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a run: the first asks the run to stop (it then prints its summary and exits 130);
 * a second one exits at once, for a user who will not wait. Closing restores the previous handler.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final AtomicInteger presses = new AtomicInteger();
    private final Runnable stop;
    private final IntConsumer exit;
    private SignalHandler previous;

    CtrlC(Runnable stop, IntConsumer exit) {
        this.stop = stop;
        this.exit = exit;
    }

    /** Handles SIGINT until closed; the exit runs shutdown hooks, which delete values files. */
    static CtrlC install(Runnable stop) {
        var ctrlC = new CtrlC(stop, System::exit);
        ctrlC.previous = Signal.handle(INT, signal -> ctrlC.pressed());
        return ctrlC;
    }

    void pressed() {
        if (presses.incrementAndGet() == 1) {
            stop.run();
        } else {
            exit.accept(ExitCodes.INTERRUPTED);
        }
    }

    @Override
    public void close() {
        if (previous != null) Signal.handle(INT, previous);
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import java.util.function.BooleanSupplier;

/**
 * Installs one component and waits until it is ready: all the scheduler needs to know of helm and
 * the cluster, so that tests can drive {@link Installer} with steps that succeed, fail or hang.
 */
public interface StepInstaller {
    /**
     * How the step ended; a failure is a FAILED outcome, not an exception. {@code interrupted}
     * turns true on Ctrl-C: a step checks it between its phases, because a helm call may swallow
     * the interrupt of its thread.
     */
    StepOutcome install(Component component, BooleanSupplier interrupted);
}

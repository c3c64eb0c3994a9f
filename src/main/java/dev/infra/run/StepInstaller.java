package dev.infra.run;

import dev.infra.catalog.Component;

/**
 * Installs one component and waits until it is ready: all the scheduler needs to know of helm and
 * the cluster, so that tests can drive {@link Installer} with steps that succeed, fail or hang.
 */
public interface StepInstaller {
    /** How the step ended; a failure is a FAILED outcome, not an exception. */
    StepOutcome install(Component component);
}

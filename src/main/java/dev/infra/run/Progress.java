package dev.infra.run;

import java.util.List;

/** Where a run reports what it does: people's terminals, plain logs, or JSON events for CI. */
public interface Progress {
    void started(String component, String action);

    /** Something worth knowing while a step runs: a retry, a repaired release. */
    void note(String component, String message);

    void finished(StepOutcome outcome);

    void summary(List<StepOutcome> outcomes, java.time.Duration took, boolean interrupted);
}

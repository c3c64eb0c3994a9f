package dev.infra.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Disables, as "not applicable", a test whose {@link NeedsSimulation} or {@link NeedsRealCluster}
 * does not fit the run's {@link ClusterChoice}. scripts/test.sh counts these apart from skipped
 * tests by the prefix of the reason.
 */
final class ClusterModeCondition implements ExecutionCondition {
    static final String NOT_APPLICABLE = "not applicable on ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var element = context.getElement();
        var simulation = element.flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsSimulation.class));
        var real = element.flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsRealCluster.class));
        if (simulation.isEmpty() && real.isEmpty()) return ConditionEvaluationResult.enabled("no cluster mode asked for");
        ClusterChoice choice = ClusterChoice.current();
        if (simulation.isPresent() && !choice.simulated()) return notApplicable(choice, simulation.get().value());
        if (real.isPresent() && choice.simulated()) return notApplicable(choice, real.get().value());
        return ConditionEvaluationResult.enabled("fits " + choice.description());
    }

    private static ConditionEvaluationResult notApplicable(ClusterChoice choice, String why) {
        return ConditionEvaluationResult.disabled(NOT_APPLICABLE + choice.description() + ": " + why);
    }
}

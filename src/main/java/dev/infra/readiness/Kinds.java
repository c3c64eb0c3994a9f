package dev.infra.readiness;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The rule of each kind infra knows; any other kind is a custom resource judged by a condition. */
final class Kinds {
    private static final Map<String, KindRule<?>> BUILT_IN = Stream.<KindRule<?>>of(
                    new DeploymentRule(), new StatefulSetRule(), new DaemonSetRule(), new JobRule(),
                    new ClaimRule(), new SecretRule(), new CrdRule())
            .collect(Collectors.toUnmodifiableMap(KindRule::kind, Function.identity()));

    private Kinds() {
    }

    static KindRule<?> of(String kind) {
        KindRule<?> rule = BUILT_IN.get(kind);
        return rule != null ? rule : new ConditionRule(kind);
    }

    static boolean isBuiltIn(String kind) {
        return BUILT_IN.containsKey(kind);
    }
}

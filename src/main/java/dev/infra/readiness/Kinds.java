package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The rule of each kind infra knows; any other kind is a custom resource judged by a condition. */
public final class Kinds {
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

    /** Checks of those objects a chart rendered whose kind is waited for without a catalog check. */
    public static List<ReadinessCheck> checksOf(List<HasMetadata> rendered) {
        return rendered.stream()
                .filter(o -> isBuiltIn(o.getKind()) && BUILT_IN.get(o.getKind()).rendered())
                .map(o -> ReadinessCheck.of(o.getKind(), o.getMetadata().getName(), o.getMetadata().getNamespace()))
                .toList();
    }
}

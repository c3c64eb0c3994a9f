package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/** A readable, watchable handle on a checked object, with the rule of its kind. */
record Watched<T extends HasMetadata>(ReadinessCheck check, KindRule<T> rule, Resource<T> resource) {

    static Watched<?> of(KubernetesClient client, ReadinessCheck check, String componentNamespace) {
        return of(client, Kinds.of(check.kind()), check, check.namespaceOr(componentNamespace));
    }

    private static <T extends HasMetadata> Watched<T> of(KubernetesClient client, KindRule<T> rule,
                                                          ReadinessCheck check, String namespace) {
        return new Watched<>(check, rule, rule.resource(client, check, namespace));
    }

    /** Where the object stands now. */
    CheckStatus evaluate() {
        return judge(resource.get());
    }

    /** Where {@code object} stands; null means it does not exist (yet). */
    CheckStatus judge(T object) {
        if (object == null) return CheckStatus.waiting(check, check.kind() + " " + check.name() + " does not exist yet");
        return rule.judge(check, object);
    }

    /** The pods behind the object as it is now, or null when it has none or does not exist. */
    LabelSelector pods() {
        T object = resource.get();
        return object == null ? null : rule.pods(object);
    }
}

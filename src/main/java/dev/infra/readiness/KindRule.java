package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * Everything infra knows about one kind of checked resource: how to read and watch it, when it
 * is ready, and which pods to look at when it is not. A new kind is one implementation, listed
 * in {@link Kinds}.
 */
interface KindRule<T extends HasMetadata> {

    /** The kind as manifests spell it. */
    String kind();

    /** A handle that reads and watches the checked object. */
    Resource<T> resource(KubernetesClient client, ReadinessCheck check, String namespace);

    /** Where {@code object} (never null) stands; decided from the object alone. */
    CheckStatus judge(ReadinessCheck check, T object);

    /** The pods whose state explains a wait, or null for kinds without pods. */
    default LabelSelector pods(T object) {
        return null;
    }

    /** Whether every rendered object of this kind is waited for, as Helm 4's kstatus wait does. */
    default boolean rendered() {
        return true;
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.Helm;
import dev.infra.readiness.Kinds;
import dev.infra.readiness.ReadinessCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The readiness checks of a component, the same for {@code infra up} and {@code infra status}:
 * the catalog's, or for a chart without any, the workloads helm rendered for its release.
 */
final class ComponentChecks {
    private final KubernetesClient client;
    private final BiFunction<Component, Consumer<String>, String> manifest;

    ComponentChecks(KubernetesClient client, Helm helm, Retry retry) {
        this(client, (c, note) -> retry.run("helm get manifest " + c.release(),
                () -> helm.manifest(c.release(), c.namespace()), note));
    }

    /** @param manifest what helm rendered for a component's release; retries reported to the consumer */
    ComponentChecks(KubernetesClient client, BiFunction<Component, Consumer<String>, String> manifest) {
        this.client = client;
        this.manifest = manifest;
    }

    /** {@code note} hears about retries of helm. */
    List<ReadinessCheck> of(Component c, Consumer<String> note) {
        if (!c.readiness().isEmpty() || c.source().chartName() == null) return c.readiness();
        String rendered = manifest.apply(c, note);
        return Kinds.checksOf(client.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items());
    }
}

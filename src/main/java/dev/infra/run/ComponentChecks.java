package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.errors.ConfigException;
import dev.infra.kube.InstallState;
import dev.infra.readiness.ReadinessCheck;
import dev.infra.readiness.RenderedChecks;
import dev.infra.readiness.RenderedChecks.Rendered;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The readiness checks of a component, the same for {@code infra up} and {@code infra status}:
 * every workload, Job, claim and CRD its release rendered (a manifests component: the objects
 * its install record lists), plus the catalog's checks of what no manifest holds.
 */
final class ComponentChecks {
    private final BiFunction<Component, Consumer<String>, Optional<List<Rendered>>> rendered;

    ComponentChecks(KubernetesClient client, Retry retry) {
        this(client, InstallState.of(client), retry);
    }

    private ComponentChecks(KubernetesClient client, InstallState state, Retry retry) {
        this((c, note) -> c.source().chartName() != null
                ? Optional.of(parse(client, retry.run("reading release " + c.release(), () -> state.manifest(c.release(), c.namespace()), note)))
                : recorded(state, c));
    }

    /**
     * @param rendered what a component's release rendered or its manifests applied, empty when
     *                 unknown (a record written before infra listed objects); retries reported to the consumer
     */
    ComponentChecks(BiFunction<Component, Consumer<String>, Optional<List<Rendered>>> rendered) {
        this.rendered = rendered;
    }

    /**
     * {@code note} hears about retries of reading the release. Throws {@link ConfigException}
     * when the catalog names an object that nothing makes: it would be waited for until the timeout.
     */
    List<ReadinessCheck> of(Component c, Consumer<String> note) {
        var objects = rendered.apply(c, note);
        if (objects.isEmpty()) return c.readiness();
        var checks = new RenderedChecks(objects.get(), c.namespace());
        var unknown = checks.unknown(c.readiness());
        if (!unknown.isEmpty()) {
            throw new ConfigException(c.name() + ": readiness: " + String.join("; ", unknown)
                    + "; add createdBy to a check of an object an operator or controller makes");
        }
        return checks.with(c.readiness());
    }

    static List<Rendered> parse(KubernetesClient client, String manifest) {
        return client.load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).items().stream()
                .map(Rendered::of).toList();
    }

    private static Optional<List<Rendered>> recorded(InstallState state, Component c) {
        var objects = state.objects(c.name(), c.namespace());
        return objects.isEmpty() ? Optional.empty()
                : Optional.of(objects.stream().map(o -> new Rendered(o.kind(), o.name(), o.namespace())).toList());
    }
}

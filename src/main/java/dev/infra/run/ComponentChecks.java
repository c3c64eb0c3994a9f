package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.diff.ManifestObjects;
import dev.infra.errors.ConfigException;
import dev.infra.kube.InstallState;
import dev.infra.readiness.ReadinessCheck;
import dev.infra.readiness.RenderedChecks;
import dev.infra.readiness.RenderedChecks.Rendered;
import io.fabric8.kubernetes.client.KubernetesClient;
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
        this(InstallState.of(client), retry);
    }

    private ComponentChecks(InstallState state, Retry retry) {
        this((c, note) -> c.source().chartName() != null
                ? Optional.of(parse(retry.run("reading release " + c.release(), () -> state.manifest(c.release(), c.namespace()), note)))
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

    /** Kinds and names alone, not fabric8's typed objects: binding every field was a third of a no-op rerun's checks. */
    static List<Rendered> parse(String manifest) {
        return ManifestObjects.parse(manifest, null).keySet().stream()
                .map(ref -> new Rendered(ref.kind(), ref.name(), ref.namespace())).toList();
    }

    private static Optional<List<Rendered>> recorded(InstallState state, Component c) {
        var objects = state.objects(c.name(), c.namespace());
        return objects.isEmpty() ? Optional.empty()
                : Optional.of(objects.stream().map(o -> new Rendered(o.kind(), o.name(), o.namespace())).toList());
    }
}

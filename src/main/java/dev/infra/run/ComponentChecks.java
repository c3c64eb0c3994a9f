package dev.infra.run;

import dev.infra.cache.JsonCache;
import dev.infra.cache.UserCache;
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
import tools.jackson.core.type.TypeReference;

/**
 * The readiness checks of a component, the same for {@code infra up} and {@code infra status}:
 * every workload, Job, claim and CRD its release rendered (a manifests component: the objects
 * its install record lists), plus the catalog's checks of what no manifest holds.
 */
final class ComponentChecks {
    private final BiFunction<Component, Consumer<String>, Optional<List<Rendered>>> rendered;

    ComponentChecks(KubernetesClient client, Retry retry) {
        this(InstallState.of(client), new JsonCache<>(UserCache.dir("rendered"), new TypeReference<>() { }), retry);
    }

    /** @param seen the objects of each release record read before, by {@link InstallState#manifestId} */
    ComponentChecks(InstallState state, JsonCache<List<String>> seen, Retry retry) {
        this((c, note) -> c.source().chartName() != null
                ? Optional.of(retry.run("reading release " + c.release(), () -> released(state, seen, c), note))
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

    /**
     * What the newest revision rendered. A record's manifest never changes, so its kinds and names
     * are kept by the record's UID: a rerun then reads no release (0.5-1 MB, the larger charts')
     * and parses no YAML for a component that did not change. Only kinds and names are kept.
     */
    private static List<Rendered> released(InstallState state, JsonCache<List<String>> seen, Component c) {
        var id = state.manifestId(c.release(), c.namespace());
        var kept = id.flatMap(seen::read).filter(lines -> lines.stream().allMatch(l -> l.split("\t", -1).length == 3));
        if (kept.isPresent()) return kept.get().stream().map(ComponentChecks::rendered).toList();
        var objects = parse(state.manifest(c.release(), c.namespace()));
        id.ifPresent(key -> seen.write(key, objects.stream().map(ComponentChecks::line).toList()));
        return objects;
    }

    private static String line(Rendered r) {
        return r.kind() + "\t" + r.name() + "\t" + (r.namespace() == null ? "" : r.namespace());
    }

    private static Rendered rendered(String line) {
        String[] parts = line.split("\t", -1);
        return new Rendered(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2]);
    }

    private static Optional<List<Rendered>> recorded(InstallState state, Component c) {
        var objects = state.objects(c.name(), c.namespace());
        return objects.isEmpty() ? Optional.empty()
                : Optional.of(objects.stream().map(o -> new Rendered(o.kind(), o.name(), o.namespace())).toList());
    }
}

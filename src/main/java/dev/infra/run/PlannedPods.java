package dev.infra.run;

import dev.infra.capacity.CapacityCheck;
import dev.infra.capacity.CapacityReport;
import dev.infra.capacity.NodeRoom;
import dev.infra.capacity.NodeRooms;
import dev.infra.capacity.PodSet;
import dev.infra.capacity.RenderedPods;
import dev.infra.catalog.Component;
import dev.infra.helm.ChartRef;
import dev.infra.plan.Step;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The pods every planned component would run, from what {@code up} would install: each chart
 * rendered by {@code helm template} with infra's values (or remembered, see {@link ChartPods}),
 * each component's manifests. Nothing is read from or written to the cluster: secret values are
 * placeholders.
 */
public final class PlannedPods {
    private PlannedPods() {
    }

    /**
     * Whether the plan fits on {@code client}'s nodes; reads nodes and pods, changes nothing.
     * Empty, with a warning, where the user may not list nodes and pods: a namespaced user can
     * still install.
     */
    public static Optional<CapacityReport> capacity(InstallRequest request, KubernetesClient client, ChartPods charts, ValuesDirectory dir,
                                                    Consumer<String> warnings) {
        List<NodeRoom> nodes;
        try {
            nodes = NodeRooms.of(client, namespaces(request));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) throw e;
            warnings.accept("capacity not checked: this user may not list nodes and pods");
            return Optional.empty();
        }
        var needs = new LinkedHashMap<String, List<String>>();
        request.plan().steps().forEach(step -> needs.put(step.name(), step.needs()));
        return Optional.of(CapacityCheck.evaluate(request.platform().profile(), of(request, charts, dir, warnings), nodes, needs));
    }

    /** A component that cannot be rendered is left out, and {@code warnings} says so. */
    public static List<PodSet> of(InstallRequest request, ChartPods charts, ValuesDirectory dir, Consumer<String> warnings) {
        var pool = Executors.newFixedThreadPool(Math.max(1, request.parallel()));
        try {
            var renders = request.plan().steps().stream()
                    .map(step -> CompletableFuture.supplyAsync(() -> render(request, charts, dir, step.component()), pool)
                            .exceptionally(e -> {
                                warnings.accept("cannot render " + step.name() + " to count its requests: " + e.getCause().getMessage());
                                return List.of();
                            }))
                    .toList();
            var pods = new ArrayList<PodSet>();
            renders.forEach(r -> pods.addAll(r.join()));
            return pods;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<PodSet> render(InstallRequest request, ChartPods charts, ValuesDirectory dir, Component c) {
        if (c.source().chartName() == null) {
            return RenderedPods.of(c.name(), new Manifests(null, request.home(), request.chartSource()).text(c, request.platform().settings()));
        }
        var chart = ChartRef.of(c.source(), request.home(), request.chartSource());
        return charts.of(c, chart, ValuesFile.resolve(c.values(), c.namespace(), PLACEHOLDERS, new SecretMask()), dir);
    }

    /**
     * Every secret key reads as the same placeholder: requests never depend on a secret's value,
     * and the values, hashed into {@link ChartPods}' keys on disk, then hold no secret.
     */
    private static final SecretStore PLACEHOLDERS = new SecretStore() {
        @Override
        public Map<String, String> values(String namespace, String name) {
            return new AbstractMap<>() {
                @Override
                public String get(Object key) {
                    return "capacity-check-placeholder";
                }

                @Override
                public Set<Entry<String, String>> entrySet() {
                    return Set.of();
                }
            };
        }

        @Override
        public void apply(String namespace, String name, Map<String, String> values) {
            throw new UnsupportedOperationException("the capacity check writes no secret");
        }
    };

    /** The namespaces the plan installs into, whose pods are the profile's own. */
    private static Set<String> namespaces(InstallRequest request) {
        return Set.copyOf(request.plan().steps().stream().map(Step::component).map(Component::namespace).toList());
    }
}

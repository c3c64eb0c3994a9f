package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.SecretSpec;
import dev.infra.diff.ComponentDiff;
import dev.infra.diff.ManifestObjects;
import dev.infra.diff.ObjectChange;
import dev.infra.diff.ObjectDiffer;
import dev.infra.helm.ChartRef;
import dev.infra.helm.Helm;
import dev.infra.kube.ClusterSecrets;
import dev.infra.kube.InstallState;
import dev.infra.kube.ObjectRef;
import dev.infra.plan.Step;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@code infra up} would change, component by component, found without changing anything:
 * for a chart, helm's render now against the release's manifest; for manifests, what applying
 * them would make of each object against the object as it is. Every secret value read on the
 * way joins the mask, and the diffs hide them.
 */
public final class ChangePreview {
    private final InstallRequest request;
    private final KubernetesClient client;
    private final Helm helm;
    private final SecretMask mask;
    private final ValuesDirectory valuesDir;
    private final SecretStore secrets;
    private final InstallState state;
    private final Manifests manifests;

    public ChangePreview(InstallRequest request, KubernetesClient client, Helm helm, SecretMask mask, ValuesDirectory valuesDir) {
        this.request = request;
        this.client = client;
        this.helm = helm;
        this.mask = mask;
        this.valuesDir = valuesDir;
        this.secrets = SecretStore.of(new ClusterSecrets(client));
        this.state = InstallState.of(client);
        this.manifests = new Manifests(client, request.home(), request.chartSource());
    }

    /** One entry per step of the request's plan, in its order; {@code request.parallel()} components at once (helm is slow). */
    public List<ComponentDiff> components() {
        var components = request.plan().steps().stream().map(Step::component).toList();
        // all of them first: a chart may render a secret of another component (one it reads with lookup)
        components.forEach(this::maskGeneratedSecrets);
        var pool = Executors.newFixedThreadPool(request.parallel());
        try {
            var futures = components.stream().map(c -> pool.submit(() -> of(c))).toList();
            return futures.stream().map(ChangePreview::result).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first failure as the diff's own, so that it keeps its exit code. */
    private static ComponentDiff result(Future<ComponentDiff> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private ComponentDiff of(Component c) {
        if (c.source().chartName() == null) {
            return state.installed(c) ? ComponentDiff.of(c.name(), c.namespace(), manifestChanges(c)) : ComponentDiff.install(c.name(), c.namespace());
        }
        var revisions = state.revisions(c.release(), c.namespace());
        if (revisions.isEmpty()) return ComponentDiff.install(c.name(), c.namespace());
        // helm refuses even a dry run of such a release ("another operation is in progress")
        if (ReleaseRepair.of(revisions).needed()) return ComponentDiff.repair(c.name(), c.namespace(), c.release(), revisions.get(0).status());
        return ComponentDiff.of(c.name(), c.namespace(), chartChanges(c));
    }

    private List<ObjectChange> chartChanges(Component c) {
        var chart = ChartRef.of(c.source(), request.home(), request.chartSource());
        var values = ValuesFile.resolve(c.values(), c.namespace(), secrets, mask);
        String rendered;
        try (var file = ValuesFile.write(valuesDir, values)) {
            rendered = helm.renderUpgrade(c.release(), c.namespace(), chart, file.path());
        }
        var released = ManifestObjects.parse(state.manifest(c.release(), c.namespace()), c.namespace());
        return ObjectDiffer.compare(released, ManifestObjects.parse(rendered, c.namespace()), this::isSecret);
    }

    private List<ObjectChange> manifestChanges(Component c) {
        var live = new LinkedHashMap<ObjectRef, Map<String, Object>>();
        var desired = new LinkedHashMap<ObjectRef, Map<String, Object>>();
        for (HasMetadata object : manifests.objects(c, manifests.text(c, request.platform().settings()))) {
            var ref = ObjectRef.of(object);
            HasMetadata current = client.resource(object).get();
            if (current != null) live.put(ref, asMap(current));
            desired.put(ref, asMap(manifests.wouldApply(object)));
        }
        return ObjectDiffer.compare(live, desired, this::isSecret);
    }

    /** A generated secret's values may stand anywhere in what a chart renders. */
    private void maskGeneratedSecrets(Component c) {
        for (SecretSpec spec : c.secrets()) {
            var values = secrets.values(spec.namespace() != null ? spec.namespace() : c.namespace(), spec.name());
            if (values != null) values.forEach((key, value) -> { if (!spec.fixed().containsKey(key)) mask.add(value); });
        }
    }

    private boolean isSecret(String text) {
        return !mask.apply(text).equals(text);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(HasMetadata object) {
        return client.getKubernetesSerialization().convertValue(object, Map.class);
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.helm.Helm;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what {@code infra up} installed, in reverse plan order. Unless asked to delete data it
 * keeps volumes (helm is told to leave claims), namespaces, components that hold data
 * themselves (a PostgresCluster) and generated secrets, which are the credentials of that data.
 */
public final class Uninstaller {
    private final Platform platform;
    private final KubernetesClient client;
    private final Helm helm;
    private final Progress progress;
    private final Manifests manifests;
    private final InstallState state;
    private final SecretMask mask;

    public Uninstaller(Platform platform, KubernetesClient client, Helm helm, Progress progress, Path home, SecretMask mask) {
        this.platform = platform;
        this.client = client;
        this.helm = helm;
        this.progress = progress;
        this.mask = mask;
        this.manifests = new Manifests(client, home, null);
        this.state = new InstallState(client);
    }

    public List<StepOutcome> run(InstallPlan plan, boolean deleteData) {
        Instant start = Instant.now();
        var outcomes = new ArrayList<StepOutcome>();
        var steps = new ArrayList<>(plan.steps());
        java.util.Collections.reverse(steps);
        for (Step step : steps) {
            Component c = step.component();
            Instant began = Instant.now();
            try {
                if (c.holdsData() && !deleteData) {
                    outcomes.add(report(new StepOutcome(c.name(), StepOutcome.Result.SKIPPED, Duration.ZERO,
                            "holds data; kept (--delete-data removes it)", null)));
                    continue;
                }
                progress.started(c.name(), "removing");
                if (c.source().chartName() != null) removeRelease(c, deleteData);
                else removeManifests(c, deleteData);
                if (deleteData) deleteGeneratedSecrets(c);
                state.forget(c.name(), c.namespace());
                outcomes.add(report(new StepOutcome(c.name(), StepOutcome.Result.INSTALLED, Duration.between(began, Instant.now()), "removed", null)));
            } catch (RuntimeException e) {
                outcomes.add(report(StepOutcome.failed(c.name(), Duration.between(began, Instant.now()), e, mask)));
            }
        }
        progress.summary(outcomes, Duration.between(start, Instant.now()), false);
        return outcomes;
    }

    private void removeRelease(Component c, boolean deleteData) {
        if (state.revisions(c.release(), c.namespace()).isEmpty()) return;
        var objects = parse(helm.manifest(c.release(), c.namespace()));
        if (!deleteData) {
            objects.stream().filter(o -> o instanceof PersistentVolumeClaim)
                    .forEach(o -> retainVolumeOf(c, o.getMetadata().getName()));
        }
        helm.uninstall(c.release(), c.namespace());
        if (deleteData) {
            objects.stream().filter(o -> o instanceof StatefulSet).map(o -> (StatefulSet) o)
                    .forEach(s -> deleteClaimsOf(s, c.namespace()));
        }
    }

    /**
     * helm deletes the claims that are templates of its chart, whatever their live annotations
     * say; setting their volume to Retain first keeps the data on the volume.
     */
    private void retainVolumeOf(Component c, String claimName) {
        var claim = client.persistentVolumeClaims().inNamespace(c.namespace()).withName(claimName).get();
        String volume = claim == null ? null : claim.getSpec().getVolumeName();
        if (volume == null) return;
        client.persistentVolumes().withName(volume).edit(pv -> {
            pv.getSpec().setPersistentVolumeReclaimPolicy("Retain");
            return pv;
        });
        progress.note(c.name(), "kept volume " + volume + " of claim " + claimName + " (reclaim policy Retain)");
    }

    /** A StatefulSet's claims outlive it: {@code <template>-<statefulset>-<ordinal>}. */
    private void deleteClaimsOf(StatefulSet set, String namespace) {
        var templates = set.getSpec().getVolumeClaimTemplates();
        if (templates == null) return;
        for (var claim : client.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
            String name = claim.getMetadata().getName();
            if (templates.stream().anyMatch(t -> name.startsWith(t.getMetadata().getName() + "-" + set.getMetadata().getName() + "-"))) {
                client.resource(claim).delete();
            }
        }
    }

    private void removeManifests(Component c, boolean deleteData) {
        var objects = new ArrayList<>(manifests.objects(c, manifests.text(c, platform.settings())));
        java.util.Collections.reverse(objects);
        for (HasMetadata object : objects) {
            boolean data = object instanceof Namespace || object instanceof PersistentVolumeClaim;
            if (!data || deleteData) manifests.delete(object);
        }
    }

    private void deleteGeneratedSecrets(Component c) {
        for (var secret : c.secrets()) {
            if (!secret.generated()) continue;
            String namespace = secret.namespace() != null ? secret.namespace() : c.namespace();
            client.secrets().inNamespace(namespace).withName(secret.name()).delete();
            secret.alsoIn().forEach(ns -> client.secrets().inNamespace(ns).withName(secret.name()).delete());
        }
    }

    private List<HasMetadata> parse(String yaml) {
        return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }

    private StepOutcome report(StepOutcome outcome) {
        progress.finished(outcome);
        return outcome;
    }
}

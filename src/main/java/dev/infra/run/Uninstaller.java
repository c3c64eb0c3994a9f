package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.helm.Helm;
import dev.infra.helm.HelmException;
import dev.infra.kube.ClusterObjects;
import dev.infra.kube.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes what {@code infra up} installed: a release with {@code helm uninstall}, manifests by
 * the objects the install recorded (so neither the internet nor the manifests are needed).
 * Unless asked to delete data it keeps volumes (helm is told to leave claims), namespaces,
 * components that hold data themselves and generated secrets, which are the credentials of
 * that data. With {@code --delete-data} it deletes only what the removed components own.
 */
public final class Uninstaller {
    private final Platform platform;
    private final KubernetesClient client;
    private final Helm helm;
    private final Progress progress;
    private final Manifests manifests;
    private final InstallState state;
    private final ClusterObjects objects;
    private final SecretMask mask;

    public Uninstaller(Platform platform, KubernetesClient client, Helm helm, Progress progress, Path home, SecretMask mask) {
        this.platform = platform;
        this.client = client;
        this.helm = helm;
        this.progress = progress;
        this.mask = mask;
        this.manifests = new Manifests(client, home, null);
        this.state = new InstallState(client);
        this.objects = new ClusterObjects(client);
    }

    /** The components that have a release or an install record in the cluster, even a partial one. */
    public Set<String> installed(List<Component> components) {
        return components.stream().filter(state::installed).map(Component::name).collect(Collectors.toSet());
    }

    /** Removes {@code components} one after the other, in the order given. */
    public List<StepOutcome> run(List<Component> components, boolean deleteData) {
        Instant start = Instant.now();
        var outcomes = new ArrayList<StepOutcome>();
        for (Component c : components) outcomes.add(report(remove(c, deleteData)));
        progress.summary(outcomes, Duration.between(start, Instant.now()), false);
        return outcomes;
    }

    private StepOutcome remove(Component c, boolean deleteData) {
        if (c.holdsData() && !deleteData) {
            return new StepOutcome(c.name(), StepOutcome.Result.SKIPPED, Duration.ZERO, "holds data; kept (--delete-data removes it)", null);
        }
        Instant began = Instant.now();
        try {
            progress.started(c.name(), "removing");
            var namespaces = c.source().chartName() != null ? removeRelease(c, deleteData) : removeManifests(c, deleteData);
            if (deleteData) deleteGeneratedSecrets(c);
            state.forget(c.name(), c.namespace());
            namespaces.forEach(namespace -> deleteIfEmpty(c, namespace));
            return new StepOutcome(c.name(), StepOutcome.Result.INSTALLED, Duration.between(began, Instant.now()), "removed", null);
        } catch (RuntimeException e) {
            return StepOutcome.failed(c.name(), Duration.between(began, Instant.now()), e, mask);
        }
    }

    /** @return no namespaces: a chart's are not its own */
    private List<String> removeRelease(Component c, boolean deleteData) {
        if (state.revisions(c.release(), c.namespace()).isEmpty()) return List.of();
        var rendered = parse(helm.manifest(c.release(), c.namespace()));
        if (!deleteData) {
            rendered.stream().filter(o -> o instanceof PersistentVolumeClaim)
                    .forEach(o -> retainVolumeOf(c, o.getMetadata().getName()));
        }
        uninstall(c, rendered);
        if (deleteData) {
            rendered.stream().filter(o -> o instanceof StatefulSet).map(o -> (StatefulSet) o)
                    .forEach(s -> deleteClaimsOf(s, c.namespace()));
        }
        return List.of();
    }

    /**
     * helm cannot map an object whose CRD is gone, and then deletes nothing and keeps the release;
     * doing what it would have done lets {@code down} complete after a partial install.
     */
    private void uninstall(Component c, List<HasMetadata> rendered) {
        try {
            helm.uninstall(c.release(), c.namespace());
        } catch (HelmException e) {
            if (!e.output().contains("unable to build kubernetes objects for delete")) throw e;
            progress.note(c.name(), "helm cannot read every object of " + c.release() + " (an API is gone); removing them directly");
            for (HasMetadata o : rendered) {
                String namespace = o.getMetadata().getNamespace() != null ? o.getMetadata().getNamespace() : c.namespace();
                objects.delete(new ObjectRef(o.getApiVersion(), o.getKind(), namespace, o.getMetadata().getName()));
            }
            client.secrets().inNamespace(c.namespace()).withLabel("owner", "helm").withLabel("name", c.release()).delete();
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

    private void deleteClaimsOf(StatefulSet set, String namespace) {
        String setNamespace = set.getMetadata().getNamespace() != null ? set.getMetadata().getNamespace() : namespace;
        var templates = set.getSpec().getVolumeClaimTemplates() == null ? List.<String>of()
                : set.getSpec().getVolumeClaimTemplates().stream().map(t -> t.getMetadata().getName()).toList();
        var claims = client.persistentVolumeClaims().inNamespace(setNamespace).list().getItems().stream()
                .map(claim -> claim.getMetadata().getName()).toList();
        for (String claim : OwnedClaims.of(set.getMetadata().getName(), templates, claims)) {
            client.persistentVolumeClaims().inNamespace(setNamespace).withName(claim).delete();
        }
    }

    /** @return the namespaces among the objects, which go last and only when nothing is left in them */
    private List<String> removeManifests(Component c, boolean deleteData) {
        var applied = new ArrayList<>(appliedObjects(c));
        Collections.reverse(applied);
        var namespaces = new ArrayList<String>();
        for (ObjectRef ref : applied) {
            switch (Removal.of(ref, deleteData)) {
                case KEEP -> { }
                case DELETE -> objects.delete(ref);
                case DELETE_WITH_CLAIMS -> {
                    deleteClaimsOfLive(ref);
                    objects.delete(ref);
                }
                case DELETE_WHEN_EMPTY -> namespaces.add(ref.name());
            }
        }
        return namespaces;
    }

    /** What the install recorded; for an install by an infra that kept no list, the manifests as they are now. */
    private List<ObjectRef> appliedObjects(Component c) {
        var recorded = state.objects(c.name(), c.namespace());
        if (!recorded.isEmpty() || state.recorded(c.name(), c.namespace()).isEmpty()) return recorded;
        return manifests.objects(c, manifests.text(c, platform.settings())).stream().map(ObjectRef::of).toList();
    }

    private void deleteClaimsOfLive(ObjectRef ref) {
        var set = client.apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name()).get();
        if (set != null) deleteClaimsOf(set, ref.namespace());
    }

    private void deleteIfEmpty(Component c, String namespace) {
        var blockers = NamespaceContents.blockers(objects.contentsOf(namespace));
        if (blockers.isEmpty()) {
            client.namespaces().withName(namespace).delete();
        } else {
            progress.note(c.name(), "kept namespace " + namespace + ", which still holds " + NamespaceContents.summary(blockers));
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

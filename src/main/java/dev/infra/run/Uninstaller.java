package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.helm.Helm;
import dev.infra.helm.Releases;
import dev.infra.kube.ClusterObjects;
import dev.infra.kube.InstallState;
import dev.infra.kube.ObjectRef;
import dev.infra.kube.VolumeClaims;
import io.fabric8.kubernetes.client.KubernetesClient;
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
    private final Manifests manifests;
    private final InstallState state;
    private final ClusterObjects objects;
    private final VolumeClaims claims;
    private final ReleaseRemover releases;
    private final Progress progress;
    private final SecretMask mask;

    public Uninstaller(Platform platform, KubernetesClient client, Helm helm, Progress progress, Path home, SecretMask mask) {
        this(platform, new Manifests(client, home, null), InstallState.of(client), ClusterObjects.of(client),
                VolumeClaims.of(client), helm, progress, mask);
    }

    /** {@code manifests} parses what helm rendered too; it asks the cluster only about custom kinds. */
    Uninstaller(Platform platform, Manifests manifests, InstallState state, ClusterObjects objects, VolumeClaims claims,
                Releases helm, Progress progress, SecretMask mask) {
        this.platform = platform;
        this.manifests = manifests;
        this.state = state;
        this.objects = objects;
        this.claims = claims;
        this.releases = new ReleaseRemover(helm, state, objects, claims, manifests::parse, progress);
        this.progress = progress;
        this.mask = mask;
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
            // a chart's namespaces are not its own
            List<ObjectRef> namespaces = List.of();
            if (c.source().chartName() != null) releases.remove(c, deleteData);
            else namespaces = removeManifests(c, deleteData);
            if (deleteData) deleteGeneratedSecrets(c);
            state.forget(c.name(), c.namespace());
            namespaces.forEach(namespace -> deleteIfEmpty(c, namespace));
            return new StepOutcome(c.name(), StepOutcome.Result.INSTALLED, Duration.between(began, Instant.now()), "removed", null);
        } catch (RuntimeException e) {
            return StepOutcome.failed(c.name(), Duration.between(began, Instant.now()), e, mask);
        }
    }

    /** @return the namespaces among the objects, which go last and only when nothing is left in them */
    private List<ObjectRef> removeManifests(Component c, boolean deleteData) {
        var applied = new ArrayList<>(appliedObjects(c));
        Collections.reverse(applied);
        var namespaces = new ArrayList<ObjectRef>();
        for (ObjectRef ref : applied) {
            switch (Removal.of(ref, deleteData)) {
                case KEEP -> { }
                case DELETE -> objects.delete(ref);
                case DELETE_WITH_CLAIMS -> {
                    claims.deleteClaimsOf(ref);
                    objects.delete(ref);
                }
                case DELETE_WHEN_EMPTY -> namespaces.add(ref);
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

    private void deleteIfEmpty(Component c, ObjectRef namespace) {
        var blockers = NamespaceContents.blockers(objects.contentsOf(namespace.name()));
        if (blockers.isEmpty()) {
            objects.delete(namespace);
        } else {
            progress.note(c.name(), "kept namespace " + namespace.name() + ", which still holds " + NamespaceContents.summary(blockers));
        }
    }

    private void deleteGeneratedSecrets(Component c) {
        for (var secret : c.secrets()) {
            if (!secret.generated()) continue;
            String namespace = secret.namespace() != null ? secret.namespace() : c.namespace();
            objects.delete(new ObjectRef("v1", "Secret", namespace, secret.name()));
            secret.alsoIn().forEach(ns -> objects.delete(new ObjectRef("v1", "Secret", ns, secret.name())));
        }
    }

    private StepOutcome report(StepOutcome outcome) {
        progress.finished(outcome);
        return outcome;
    }
}

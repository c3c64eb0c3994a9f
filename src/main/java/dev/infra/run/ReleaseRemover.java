package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.HelmException;
import dev.infra.helm.Releases;
import dev.infra.kube.ClusterObjects;
import dev.infra.kube.InstallState;
import dev.infra.kube.ObjectRef;
import dev.infra.kube.VolumeClaims;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.function.Function;

/**
 * Removes a component's helm release: {@code helm uninstall} is its record. What the release
 * rendered (its stored manifest) says which claims to keep or delete.
 */
final class ReleaseRemover {
    private final Releases helm;
    private final InstallState state;
    private final ClusterObjects objects;
    private final VolumeClaims claims;
    private final Function<String, List<HasMetadata>> parse;
    private final Progress progress;

    /** @param parse the objects of a YAML text */
    ReleaseRemover(Releases helm, InstallState state, ClusterObjects objects, VolumeClaims claims,
                   Function<String, List<HasMetadata>> parse, Progress progress) {
        this.helm = helm;
        this.state = state;
        this.objects = objects;
        this.claims = claims;
        this.parse = parse;
        this.progress = progress;
    }

    void remove(Component c, boolean deleteData) {
        if (state.revisions(c.release(), c.namespace()).isEmpty()) return;
        var rendered = parse.apply(state.manifest(c.release(), c.namespace()));
        if (!deleteData) {
            rendered.stream().filter(o -> o instanceof PersistentVolumeClaim)
                    .forEach(o -> retainVolumeOf(c, o.getMetadata().getName()));
        }
        uninstall(c, rendered);
        if (deleteData) {
            rendered.stream().filter(o -> o instanceof StatefulSet).forEach(s -> claims.deleteClaimsOf((StatefulSet) s, c.namespace()));
        }
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
            state.forgetRelease(c.release(), c.namespace());
        }
    }

    /**
     * helm deletes the claims that are templates of its chart, whatever their live annotations
     * say; setting their volume to Retain first keeps the data on the volume.
     */
    private void retainVolumeOf(Component c, String claim) {
        claims.retainVolume(c.namespace(), claim).ifPresent(volume ->
                progress.note(c.name(), "kept volume " + volume + " of claim " + claim + " (reclaim policy Retain)"));
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.Helm;
import dev.infra.helm.HelmException;
import dev.infra.kube.ClusterObjects;
import dev.infra.kube.InstallState;
import dev.infra.kube.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Removes a component's helm release: {@code helm uninstall} is its record. What the release
 * rendered ({@code helm get manifest}, read from the cluster) says which claims to keep or delete.
 */
final class ReleaseRemover {
    private final KubernetesClient client;
    private final Helm helm;
    private final Progress progress;
    private final InstallState state;
    private final ClusterObjects objects;
    private final StatefulSetClaims claims;

    ReleaseRemover(KubernetesClient client, Helm helm, Progress progress, ClusterObjects objects) {
        this.client = client;
        this.helm = helm;
        this.progress = progress;
        this.objects = objects;
        this.state = new InstallState(client);
        this.claims = new StatefulSetClaims(client);
    }

    void remove(Component c, boolean deleteData) {
        if (state.revisions(c.release(), c.namespace()).isEmpty()) return;
        var rendered = parse(helm.manifest(c.release(), c.namespace()));
        if (!deleteData) {
            rendered.stream().filter(o -> o instanceof PersistentVolumeClaim)
                    .forEach(o -> retainVolumeOf(c, o.getMetadata().getName()));
        }
        uninstall(c, rendered);
        if (deleteData) {
            rendered.stream().filter(o -> o instanceof StatefulSet).forEach(s -> claims.delete((StatefulSet) s, c.namespace()));
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

    private List<HasMetadata> parse(String yaml) {
        return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.ChartRef;
import dev.infra.helm.Releases;
import dev.infra.kube.ClusterObjects;
import dev.infra.kube.InstallState;
import dev.infra.kube.ObjectRef;
import dev.infra.kube.ServedApis;
import dev.infra.kube.VolumeClaims;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cluster in memory for the engine's decisions: install records, helm releases, objects and
 * claims. Every change is written to {@link #changes} in order ("delete Secret apps/web-admin"),
 * which is what a test asserts on.
 */
final class FakeCluster implements InstallState, ClusterObjects, VolumeClaims, Releases, ServedApis {
    final List<String> changes = Collections.synchronizedList(new ArrayList<>());
    final Set<ObjectRef> objects = Collections.synchronizedSet(new LinkedHashSet<>());
    final Map<String, Recorded> records = new LinkedHashMap<>();
    final Map<String, List<ObjectRef>> recordedObjects = new LinkedHashMap<>();
    final Map<String, List<Revision>> releases = new LinkedHashMap<>();
    final Map<String, String> rendered = new LinkedHashMap<>();
    /** how often a release's manifest was read */
    int manifestsRead;
    /** claim ("namespace/name") -> the volume bound to it */
    final Map<String, String> volumes = new LinkedHashMap<>();
    /** what {@link #uninstall} throws instead of uninstalling */
    RuntimeException uninstallFailure;
    /** what {@link #upgradeInstall} throws, one per call, before it succeeds */
    final Deque<RuntimeException> upgradeFailures = new ArrayDeque<>();
    /** "apiVersion kind" of what the cluster does not serve */
    final Set<String> unserved = new LinkedHashSet<>();
    /** "apiVersion kind" of what has no namespace */
    final Set<String> clusterScoped = new LinkedHashSet<>();
    /** what {@link #delete} throws instead of deleting an object */
    final Map<ObjectRef, RuntimeException> deleteFailures = new LinkedHashMap<>();

    FakeCluster withRecord(Component c, String digest) {
        records.put(key(c.namespace(), c.name()), new Recorded(digest, "test", null));
        return this;
    }

    FakeCluster withObjects(Component c, ObjectRef... refs) {
        recordedObjects.put(key(c.namespace(), c.name()), List.of(refs));
        objects.addAll(List.of(refs));
        return this;
    }

    FakeCluster withRelease(Component c, String manifest, Revision... revisions) {
        releases.put(key(c.namespace(), c.release()), List.of(revisions));
        rendered.put(key(c.namespace(), c.release()), manifest);
        return this;
    }

    @Override
    public Optional<Recorded> recorded(String component, String namespace) {
        return Optional.ofNullable(records.get(key(namespace, component)));
    }

    @Override
    public void record(String component, String namespace, String digest, String profile) {
        changes.add("record " + namespace + "/" + component);
        records.put(key(namespace, component), new Recorded(digest, profile, null));
    }

    @Override
    public void recordObjects(String component, String namespace, List<ObjectRef> refs) {
        changes.add("record objects of " + namespace + "/" + component);
        recordedObjects.put(key(namespace, component), List.copyOf(refs));
    }

    @Override
    public List<ObjectRef> objects(String component, String namespace) {
        return recordedObjects.getOrDefault(key(namespace, component), List.of());
    }

    @Override
    public void forget(String component, String namespace) {
        changes.add("forget " + namespace + "/" + component);
        records.remove(key(namespace, component));
        recordedObjects.remove(key(namespace, component));
    }

    @Override
    public boolean installed(Component c) {
        return records.containsKey(key(c.namespace(), c.name())) || recordedObjects.containsKey(key(c.namespace(), c.name()))
                || c.source() != null && c.source().chartName() != null && !revisions(c.release(), c.namespace()).isEmpty();
    }

    @Override
    public List<Revision> revisions(String release, String namespace) {
        return releases.getOrDefault(key(namespace, release), List.of());
    }

    @Override
    public String manifest(String release, String namespace) {
        manifestsRead++;
        return rendered.getOrDefault(key(namespace, release), "");
    }

    @Override
    public Optional<String> manifestId(String release, String namespace) {
        return revisions(release, namespace).stream().findFirst().map(r -> namespace + "." + release + ".v" + r.number());
    }

    @Override
    public void forgetRelease(String release, String namespace) {
        changes.add("forget release " + namespace + "/" + release);
        releases.remove(key(namespace, release));
    }

    @Override
    public void apply(HasMetadata object) {
        changes.add("apply " + ObjectRef.of(object));
        objects.add(ObjectRef.of(object));
    }

    @Override
    public Optional<String> missing(String apiVersion, String kind) {
        return unserved.contains(apiVersion + " " + kind) ? Optional.of("the cluster serves no " + kind) : Optional.empty();
    }

    @Override
    public boolean namespaced(String apiVersion, String kind) {
        return !clusterScoped.contains(apiVersion + " " + kind);
    }

    @Override
    public void delete(ObjectRef ref) {
        if (deleteFailures.containsKey(ref)) throw deleteFailures.get(ref);
        changes.add("delete " + ref);
        objects.remove(ref);
    }

    @Override
    public List<Found> contentsOf(String namespace) {
        return objects.stream().filter(o -> namespace.equals(o.namespace())).map(o -> new Found(o, false, false)).toList();
    }

    @Override
    public void deleteClaimsOf(StatefulSet set, String namespace) {
        String at = set.getMetadata().getNamespace() != null ? set.getMetadata().getNamespace() : namespace;
        changes.add("delete claims of StatefulSet " + at + "/" + set.getMetadata().getName());
    }

    @Override
    public void deleteClaimsOf(ObjectRef set) {
        changes.add("delete claims of " + set);
    }

    @Override
    public Optional<String> retainVolume(String namespace, String claim) {
        String volume = volumes.get(key(namespace, claim));
        if (volume != null) changes.add("retain " + volume);
        return Optional.ofNullable(volume);
    }

    @Override
    public void upgradeInstall(String release, String namespace, ChartRef chart, Path valuesFile) {
        if (!upgradeFailures.isEmpty()) throw upgradeFailures.pop();
        changes.add("helm upgrade --install " + namespace + "/" + release);
        deployNewRevision(release, namespace);
    }

    @Override
    public void uninstall(String release, String namespace) {
        if (uninstallFailure != null) throw uninstallFailure;
        changes.add("helm uninstall " + namespace + "/" + release);
        releases.remove(key(namespace, release));
    }

    @Override
    public void rollback(String release, String namespace, int revision) {
        changes.add("helm rollback " + namespace + "/" + release + " " + revision);
        deployNewRevision(release, namespace);
    }

    private void deployNewRevision(String release, String namespace) {
        var revisions = new ArrayList<Revision>();
        revisions.add(new Revision(revisions(release, namespace).size() + 1, "deployed"));
        revisions.addAll(revisions(release, namespace));
        releases.put(key(namespace, release), revisions);
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}

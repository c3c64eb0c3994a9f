package dev.infra.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.kube.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ObjectDifferTest {
    private static final Predicate<String> NO_SECRETS = s -> false;

    private static Map<ObjectRef, Map<String, Object>> objects(String yaml) {
        return ManifestObjects.parse(yaml, "apps");
    }

    @Test
    void generatedFieldsHelmsLabelsAndKeyOrderAreNotChanges() {
        var live = objects("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: apps
                  uid: 1234
                  resourceVersion: "77"
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  managedFields: [{manager: helm}]
                  labels: {helm.sh/chart: web-1.0.0, app: web, app.kubernetes.io/managed-by: Helm}
                  annotations: {meta.helm.sh/release-name: web}
                data: {b: "2", a: "1"}
                spec: {template: {metadata: {labels: {app: web, helm.sh/chart: web-1.0.0}}}}
                status: {phase: whatever}
                """);
        var desired = objects("""
                kind: ConfigMap
                apiVersion: v1
                metadata:
                  labels: {app: web, helm.sh/chart: web-1.1.0}
                  name: settings
                data: {a: "1", b: "2"}
                spec: {template: {metadata: {labels: {helm.sh/chart: web-1.1.0, app: web}}}}
                """);
        assertEquals(List.of(), ObjectDiffer.compare(live, desired, NO_SECRETS));
    }

    @Test
    void aChangedValueIsOneHunkOfTheObjectsYaml() {
        var live = objects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: \"1\", b: \"2\", c: \"3\"}\n");
        var desired = objects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: \"1\", b: \"20\", c: \"3\"}\n");
        var changes = ObjectDiffer.compare(live, desired, NO_SECRETS);
        assertEquals(1, changes.size());
        assertEquals(ObjectChange.Change.CHANGED, changes.get(0).change());
        assertEquals("""
                --- live/v1.ConfigMap.apps.settings
                +++ desired/v1.ConfigMap.apps.settings
                @@ -1,7 +1,7 @@
                 apiVersion: v1
                 data:
                   a: "1"
                -  b: "2"
                +  b: "20"
                   c: "3"
                 kind: ConfigMap
                 metadata:
                """, changes.get(0).diff());
    }

    @Test
    void objectsOnlyOneSideHasAreCreatedOrDeleted() {
        var live = objects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\n");
        var desired = objects("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: new, namespace: other}\n");
        var changes = ObjectDiffer.compare(live, desired, NO_SECRETS);
        assertEquals(List.of(new ObjectRef("v1", "ConfigMap", "other", "new"), new ObjectRef("v1", "ConfigMap", "apps", "old")),
                changes.stream().map(ObjectChange::object).toList());
        assertEquals(List.of(ObjectChange.Change.CREATED, ObjectChange.Change.DELETED), changes.stream().map(ObjectChange::change).toList());
        assertTrue(changes.get(0).diff().contains("+  name: new"), changes.get(0).diff());
        assertTrue(changes.get(1).diff().contains("-  name: old"), changes.get(1).diff());
    }

    @Test
    void aSecretsChangedKeyIsNamedAndNeitherValueShown() {
        var live = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: login}\ndata: {password: b2xkLXBhc3N3b3Jk, user: YWRtaW4=}\n");
        var desired = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: login}\ndata: {password: bmV3LXBhc3N3b3Jk, user: YWRtaW4=}\n");
        String diff = ObjectDiffer.compare(live, desired, NO_SECRETS).get(0).diff();
        assertTrue(diff.contains("-  password: '*** (before)'") && diff.contains("+  password: '*** (after)'"), diff);
        assertTrue(diff.contains("   user: '***'"), diff);
        for (String value : List.of("b2xkLXBhc3N3b3Jk", "bmV3LXBhc3N3b3Jk", "YWRtaW4=")) assertFalse(diff.contains(value), diff);
    }

    @Test
    void aRotatedSecretValueIsHiddenOnBothSidesAndWhereverTheOldOneStands() {
        var live = objects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, annotations: {note: "was old-secret-1"}}
                spec: {env: [{name: PASSWORD, value: old-secret-1}, {name: URL, value: "db://u:old-secret-1@db"}]}
                """);
        var desired = objects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, annotations: {note: "was changed"}}
                spec: {env: [{name: PASSWORD, value: new-secret-2}, {name: URL, value: "db://u:new-secret-2@db"}]}
                """);
        String diff = ObjectDiffer.compare(live, desired, s -> s.contains("new-secret-2")).get(0).diff();
        assertFalse(diff.contains("old-secret-1") || diff.contains("new-secret-2"), diff);
        assertTrue(diff.contains("-    value: '*** (before)'") && diff.contains("+    value: '*** (after)'"), diff);
        assertTrue(diff.contains("-    note: '***'"), diff);
    }

    @Test
    void anUnchangedSecretValueOutsideASecretIsHiddenAndNoChange() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {password: same-secret, other: x}\n";
        var desired = objects(yaml.replace("other: x", "other: y"));
        String diff = ObjectDiffer.compare(objects(yaml), desired, s -> s.equals("same-secret")).get(0).diff();
        assertTrue(diff.contains("   password: '***'"), diff);
        assertFalse(diff.contains("same-secret"), diff);
    }

    @Test
    void emptyDocumentsAndCommentsOfHelmsManifestAreSkipped() {
        var parsed = objects("---\n# Source: web/templates/empty.yaml\n---\n# Source: web/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        assertEquals(List.of(new ObjectRef("v1", "ConfigMap", "apps", "c")), List.copyOf(parsed.keySet()));
    }
}

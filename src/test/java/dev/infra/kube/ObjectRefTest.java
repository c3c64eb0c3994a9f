package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;

class ObjectRefTest {
    @Test
    void aNamespacedObjectIsOneLineWithItsNamespace() {
        var ref = ObjectRef.of(new ConfigMapBuilder().withNewMetadata().withNamespace("apps").withName("settings").endMetadata().build());
        assertEquals("v1 ConfigMap apps/settings", ref.line());
        assertEquals(ref, ObjectRef.parse(ref.line()));
        assertEquals("ConfigMap apps/settings", ref.toString());
    }

    @Test
    void aClusterScopedObjectIsOneLineWithoutNamespace() {
        var ref = ObjectRef.of(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build());
        assertEquals("v1 Namespace apps", ref.line());
        assertEquals(new ObjectRef("v1", "Namespace", null, "apps"), ObjectRef.parse(" v1 Namespace apps\n"));
        assertEquals("Namespace apps", ref.toString());
    }

    @Test
    void aCustomResourceKeepsItsGroup() {
        var ref = new ObjectRef("postgres-operator.crunchydata.com/v1beta1", "PostgresCluster", "infra", "keycloak");
        assertEquals(ref, ObjectRef.parse("postgres-operator.crunchydata.com/v1beta1 PostgresCluster infra/keycloak"));
    }

    @Test
    void aLineThatIsNotAReferenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ObjectRef.parse("v1 ConfigMap"));
        assertThrows(IllegalArgumentException.class, () -> ObjectRef.parse("v1 ConfigMap a b"));
    }
}

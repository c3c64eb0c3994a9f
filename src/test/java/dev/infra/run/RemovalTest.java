package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.kube.ObjectRef;
import org.junit.jupiter.api.Test;

class RemovalTest {
    static Removal of(String kind, boolean deleteData) {
        return Removal.of(new ObjectRef("v1", kind, "ns", "x"), deleteData);
    }

    @Test
    void withoutDeleteDataClaimsAndNamespacesStay() {
        assertEquals(Removal.KEEP, of("PersistentVolumeClaim", false));
        assertEquals(Removal.KEEP, of("Namespace", false));
        assertEquals(Removal.DELETE, of("StatefulSet", false));
        assertEquals(Removal.DELETE, of("ConfigMap", false));
    }

    @Test
    void withDeleteDataClaimsGoAndNamespacesGoWhenEmpty() {
        assertEquals(Removal.DELETE, of("PersistentVolumeClaim", true));
        assertEquals(Removal.DELETE_WHEN_EMPTY, of("Namespace", true));
        assertEquals(Removal.DELETE_WITH_CLAIMS, of("StatefulSet", true));
        assertEquals(Removal.DELETE, of("ConfigMap", true));
    }
}

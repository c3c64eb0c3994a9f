package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KubeLeaseStoreTest {
    @Test
    void aWriteThatWentThroughIsTrue() {
        var wrote = new AtomicBoolean();
        assertTrue(KubeLeaseStore.unlessConflict(() -> wrote.set(true)));
        assertTrue(wrote.get());
    }

    @Test
    void aConflictMeansAnotherRunWroteFirst() {
        assertFalse(KubeLeaseStore.unlessConflict(() -> {
            throw new KubernetesClientException("the object has been modified", 409, null);
        }));
    }

    @Test
    void anyOtherFailureIsThrown() {
        var forbidden = new KubernetesClientException("leases is forbidden", 403, null);
        assertSame(forbidden, assertThrows(KubernetesClientException.class, () -> KubeLeaseStore.unlessConflict(() -> {
            throw forbidden;
        })));
    }
}

package dev.infra.retry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {
    @Test
    void aRequestTheApiServerNeverAnsweredIsTransient() {
        // nothing listens on port 1: fabric8 wraps the refused connection as it does a reset one
        var config = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build();
        try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
            var failure = assertThrows(KubernetesClientException.class, () -> client.secrets().inNamespace("x").withName("y").get());
            assertTrue(TransientFailure.is(failure), "code " + failure.getCode() + ": " + failure);
        }
    }
}

package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@KubeTest
class NamespacesTest {

    @Test
    void aNamespaceStillBeingDeletedIsWaitedOutAndMadeAgain(TestNamespace ns) throws Exception {
        var client = ns.client();
        String name = ns.name() + "-x";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        // a finalizer keeps the namespace terminating until the test lets go
        client.configMaps().inNamespace(name).resource(new ConfigMapBuilder().withNewMetadata().withName("held")
                .withFinalizers("infra.dev/test").endMetadata().build()).create();
        client.namespaces().withName(name).delete();
        client.namespaces().withName(name).waitUntilCondition(n -> n.getMetadata().getDeletionTimestamp() != null, 10, TimeUnit.SECONDS);

        var ensured = CompletableFuture.runAsync(() -> new Namespaces(client).ensure(name));
        Thread.sleep(1000);
        client.configMaps().inNamespace(name).withName("held").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        ensured.get(2, TimeUnit.MINUTES);

        assertNull(client.namespaces().withName(name).get().getMetadata().getDeletionTimestamp(), "a new namespace, not the old one");
        client.namespaces().withName(name).delete();
    }
}

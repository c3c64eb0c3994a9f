package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsSimulation;
import dev.infra.testing.TestNamespace;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The local API server's calls into the cluster network end at the simulator, never outside. */
@KubeTest
class ClusterEgressTest {
    @Test
    @NeedsSimulation("the egress proxy is the local cluster's")
    void anAggregatedApiBehindAServiceIsCalledThroughTheLocalEgressProxyOnly(TestNamespace ns) {
        ns.client().resource(new PodBuilder().withNewMetadata().withName("metrics").addToLabels("app", "metrics").endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage("metrics-server").addNewPort()
                .withContainerPort(443).endPort().endContainer().endSpec().build()).create();
        ns.client().resource(new ServiceBuilder().withNewMetadata().withName("metrics").endMetadata()
                .withNewSpec().addToSelector("app", "metrics").addNewPort().withPort(443).endPort().endSpec().build()).create();
        String group = ns.name() + ".example.com";
        var apiServices = ns.client().genericKubernetesResources("apiregistration.k8s.io/v1", "APIService");
        ns.client().load(new ByteArrayInputStream("""
                apiVersion: apiregistration.k8s.io/v1
                kind: APIService
                metadata: {name: v1beta1.%1$s}
                spec:
                  group: %1$s
                  version: v1beta1
                  groupPriorityMinimum: 100
                  versionPriority: 10
                  insecureSkipTLSVerify: true
                  service: {namespace: %2$s, name: metrics, port: 443}
                """.formatted(group, ns.name()).getBytes(StandardCharsets.UTF_8))).create();
        try {
            // the availability check dials the Service's address; the proxy refuses it
            GenericKubernetesResource service = apiServices.withName("v1beta1." + group).waitUntilCondition(
                    s -> s != null && String.valueOf(s.getAdditionalProperties().get("status")).contains("not on this machine"),
                    60, TimeUnit.SECONDS);
            assertTrue(String.valueOf(service.getAdditionalProperties().get("status")).contains("status=False"));
        } finally {
            apiServices.withName("v1beta1." + group).delete();
        }
    }
}

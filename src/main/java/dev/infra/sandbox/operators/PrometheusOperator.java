package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * prometheus-operator v0.93 (kube-prometheus-stack 88.5.3 ships v0.93.1), read in
 * prometheus-operator/prometheus-operator at v0.93.0:
 * <ul>
 *   <li>Prometheus {@code NAME} -> StatefulSet {@code prometheus-NAME} (pkg/prometheus/common.go
 *       PrefixedName, shard 0) with the selector labels of pkg/prometheus/server/operator.go
 *       makeSelectorLabels plus {@code operator.prometheus.io/shard: "0"}, the resource's labels
 *       and {@code operator.prometheus.io/mode: server} (server/statefulset.go), serviceName
 *       {@code prometheus-operated}, podManagementPolicy Parallel; and the headless Service
 *       {@code prometheus-operated}, port web 9090, labels {@code operated-prometheus: "true"}
 *       (common.go BuildStatefulSetService).</li>
 *   <li>Alertmanager {@code NAME} -> StatefulSet {@code alertmanager-NAME} (pkg/alertmanager
 *       prefixedName, makeSelectorLabels) and the headless Service {@code alertmanager-operated},
 *       ports web 9093, tcp-mesh and udp-mesh 9094 (alertmanager/statefulset.go
 *       makeStatefulSetService).</li>
 *   <li>Both get the conditions Available and Reconciled (pkg/operator/conditions).</li>
 * </ul>
 */
final class PrometheusOperator implements SimulatedOperator {
    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    @Override
    public String name() {
        return "prometheus-operator";
    }

    @Override
    public String creates() {
        return "Prometheus NAME -> StatefulSet prometheus-NAME, Service prometheus-operated; "
                + "Alertmanager NAME -> StatefulSet alertmanager-NAME, Service alertmanager-operated";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("monitoring.coreos.com/v1", "Prometheus"), new Kind("monitoring.coreos.com/v1", "Alertmanager"));
    }

    @Override
    public void reconcile(GenericKubernetesResource resource, OwnedObjects objects) {
        boolean prometheus = "Prometheus".equals(resource.getKind());
        String app = prometheus ? "prometheus" : "alertmanager";
        String name = resource.getMetadata().getName();
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app.kubernetes.io/name", app);
        selector.put(MANAGED_BY, "prometheus-operator");
        selector.put("app.kubernetes.io/instance", name);
        selector.put(app, name);
        if (prometheus) {
            selector.put("operator.prometheus.io/name", name);
            selector.put("operator.prometheus.io/shard", "0");
        }
        Map<String, String> labels = new LinkedHashMap<>(resource.getMetadata().getLabels() == null ? Map.of()
                : resource.getMetadata().getLabels());
        if (prometheus) labels.put("operator.prometheus.io/mode", "server");
        labels.putAll(selector);
        int replicas = ((Number) SimulatedOperator.spec(resource).getOrDefault("replicas", 1)).intValue();
        objects.apply(resource, statefulSet(app + "-" + name, app + "-operated", app, resource, labels, selector, replicas));
        objects.apply(resource, prometheus ? operatedService("prometheus", port("web", 9090, "TCP"))
                : operatedService("alertmanager", port("web", 9093, "TCP"), port("tcp-mesh", 9094, "TCP"),
                        port("udp-mesh", 9094, "UDP")));
        objects.status(resource, Map.of("replicas", replicas), List.of(
                new OwnedObjects.Condition("Available", true, "", ""),
                new OwnedObjects.Condition("Reconciled", true, "", "")));
    }

    private static StatefulSet statefulSet(String name, String service, String container, GenericKubernetesResource owner,
            Map<String, String> labels, Map<String, String> selector, int replicas) {
        Object image = SimulatedOperator.spec(owner).get("image");
        Object version = SimulatedOperator.spec(owner).getOrDefault("version", "latest");
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName(service).withPodManagementPolicy("Parallel")
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(selector).endMetadata()
                .withNewSpec().addNewContainer().withName(container)
                .withImage(image != null ? image.toString() : "quay.io/prometheus/" + container + ":" + version)
                .addNewPort().withName("web").withContainerPort("prometheus".equals(container) ? 9090 : 9093).endPort()
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private static Service operatedService(String app, ServicePort... ports) {
        var builder = new ServiceBuilder().withNewMetadata().withName(app + "-operated")
                .addToLabels("operated-" + app, "true").endMetadata()
                .withNewSpec().withClusterIP("None").withPorts(ports).addToSelector("app.kubernetes.io/name", app);
        return ("alertmanager".equals(app) ? builder.withPublishNotReadyAddresses(true) : builder).endSpec().build();
    }

    private static ServicePort port(String name, int port, String protocol) {
        return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(new IntOrString(name))
                .withProtocol(protocol).build();
    }
}

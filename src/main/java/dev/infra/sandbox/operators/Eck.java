package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elastic Cloud on Kubernetes 3.5.0, read in elastic/cloud-on-k8s at v3.5.0:
 * <ul>
 *   <li>Elasticsearch {@code NAME} -> per nodeSet {@code SET} a StatefulSet {@code NAME-es-SET}
 *       (pkg/apis/elasticsearch/v1/name.go StatefulSet) of the nodeSet's count, with its headless
 *       Service of the same name (pkg/controller/elasticsearch/nodespec/statefulset.go), labels
 *       {@code elasticsearch.k8s.elastic.co/cluster-name}, {@code statefulset-name} and
 *       {@code common.k8s.elastic.co/type: elasticsearch} (pkg/controller/elasticsearch/label/label.go),
 *       the nodeSet's volumeClaimTemplates, else {@code elasticsearch-data} of 1Gi
 *       (pkg/controller/elasticsearch/volume/defaults.go); Services {@code NAME-es-http} and
 *       {@code NAME-es-internal-http} on 9200, port named https unless TLS is off, and headless
 *       {@code NAME-es-transport} on 9300 (pkg/controller/elasticsearch/services/services.go);
 *       Secret {@code NAME-es-elastic-user} with key {@code elastic}, 24 letters and digits, made
 *       once and owned by nobody (pkg/controller/elasticsearch/user/predefined.go); status health
 *       green, phase Ready, conditions ElasticsearchIsReachable, ReconciliationComplete and
 *       RunningDesiredVersion (pkg/apis/elasticsearch/v1/status.go).</li>
 *   <li>Kibana {@code NAME} -> Deployment {@code NAME-kb}, Service {@code NAME-kb-http} on 5601
 *       (pkg/apis/kibana/v1/name.go, pkg/controller/kibana/driver.go), labels
 *       {@code kibana.k8s.elastic.co/name}; status health green, associationStatus Established.</li>
 *   <li>Beat {@code NAME} of type {@code TYPE} -> DaemonSet (spec.daemonSet) or Deployment
 *       {@code NAME-beat-TYPE} (pkg/controller/beat/common/name.go, reconcile.go), labels
 *       {@code beat.k8s.elastic.co/name}; status health green.</li>
 * </ul>
 * Pods run the resource's podTemplate when it has one (its containers are not started here).
 */
final class Eck implements SimulatedOperator {
    private static final String TYPE = "common.k8s.elastic.co/type";
    // fabric8's own mapper: its model classes (Quantity, IntOrString) need its (de)serializers
    private static final KubernetesSerialization KUBE = new KubernetesSerialization();

    @Override
    public String name() {
        return "eck-operator";
    }

    @Override
    public String creates() {
        return "Elasticsearch NAME -> StatefulSets NAME-es-SET, Services NAME-es-http/-internal-http/-transport, "
                + "Secret NAME-es-elastic-user, health green; Kibana NAME -> Deployment NAME-kb, Service NAME-kb-http; "
                + "Beat NAME -> DaemonSet or Deployment NAME-beat-TYPE";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("elasticsearch.k8s.elastic.co/v1", "Elasticsearch"), new Kind("kibana.k8s.elastic.co/v1", "Kibana"),
                new Kind("beat.k8s.elastic.co/v1beta1", "Beat"));
    }

    @Override
    public void reconcile(GenericKubernetesResource resource, OwnedObjects objects) {
        switch (resource.getKind()) {
            case "Elasticsearch" -> elasticsearch(resource, objects);
            case "Kibana" -> kibana(resource, objects);
            default -> beat(resource, objects);
        }
    }

    private static void elasticsearch(GenericKubernetesResource es, OwnedObjects objects) {
        String name = es.getMetadata().getName();
        Map<String, String> labels = labels("elasticsearch", "elasticsearch.k8s.elastic.co/cluster-name", name);
        int nodes = 0;
        for (Object item : (List<?>) SimulatedOperator.spec(es).getOrDefault("nodeSets", List.of())) {
            Map<String, Object> nodeSet = SimulatedOperator.map(item);
            String sset = name + "-es-" + nodeSet.get("name");
            int count = ((Number) nodeSet.getOrDefault("count", 1)).intValue();
            nodes += count;
            Map<String, String> ssetLabels = new LinkedHashMap<>(labels);
            ssetLabels.put("elasticsearch.k8s.elastic.co/statefulset-name", sset);
            objects.apply(es, new StatefulSetBuilder().withNewMetadata().withName(sset).withLabels(ssetLabels).endMetadata()
                    .withNewSpec().withReplicas(count).withServiceName(sset).withPodManagementPolicy("Parallel")
                    .withNewSelector().withMatchLabels(ssetLabels).endSelector()
                    .withTemplate(podTemplate(nodeSet, ssetLabels, "elasticsearch", "elasticsearch/elasticsearch", es))
                    .withVolumeClaimTemplates(claims(nodeSet)).endSpec().build());
            objects.apply(es, service(sset, ssetLabels, true, "tls-transport", 9300));
        }
        String http = tls(es) ? "https" : "http";
        objects.apply(es, service(name + "-es-http", labels, false, http, 9200));
        objects.apply(es, service(name + "-es-internal-http", labels, false, http, 9200));
        objects.apply(es, service(name + "-es-transport", labels, true, "tls-transport", 9300));
        if (objects.secret(es.getMetadata().getNamespace(), name + "-es-elastic-user").isEmpty()) {
            // ECK sets no owner on it: users copy it to other namespaces (cloud-on-k8s issue 3986)
            objects.keep(es.getMetadata().getNamespace(), new SecretBuilder().withNewMetadata().withName(name + "-es-elastic-user")
                    .withLabels(labels).endMetadata().addToStringData("elastic", Passwords.alphanumeric(24)).build());
        }
        objects.status(es, Map.of("health", "green", "phase", "Ready", "availableNodes", nodes,
                "version", String.valueOf(SimulatedOperator.spec(es).get("version"))), List.of(
                // the message of pkg/controller/elasticsearch/driver/shared/reconcile.go esReachableConditionMessage
                new OwnedObjects.Condition("ElasticsearchIsReachable", true, "", "Service " + es.getMetadata().getNamespace() + "/"
                        + name + "-es-internal-http has endpoints"),
                new OwnedObjects.Condition("ReconciliationComplete", true, "", ""),
                new OwnedObjects.Condition("RunningDesiredVersion", true, "", "")));
    }

    private static void kibana(GenericKubernetesResource kb, OwnedObjects objects) {
        String name = kb.getMetadata().getName();
        Map<String, Object> spec = SimulatedOperator.spec(kb);
        Map<String, String> labels = labels("kibana", "kibana.k8s.elastic.co/name", name);
        int count = ((Number) spec.getOrDefault("count", 1)).intValue();
        objects.apply(kb, new DeploymentBuilder().withNewMetadata().withName(name + "-kb").withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(count).withNewSelector().withMatchLabels(labels).endSelector()
                .withTemplate(podTemplate(spec, labels, "kibana", "kibana/kibana", kb)).endSpec().build());
        objects.apply(kb, service(name + "-kb-http", labels, false, tls(kb) ? "https" : "http", 5601));
        Map<String, Object> status = new LinkedHashMap<>(Map.of("health", "green", "count", count, "availableNodes", count,
                "version", String.valueOf(spec.get("version")), "selector", TYPE + "=kibana,kibana.k8s.elastic.co/name=" + name));
        if (spec.containsKey("elasticsearchRef")) status.put("associationStatus", "Established");
        objects.status(kb, status, List.of());
    }

    private static void beat(GenericKubernetesResource beat, OwnedObjects objects) {
        Map<String, Object> spec = SimulatedOperator.spec(beat);
        String type = String.valueOf(spec.get("type"));
        String name = beat.getMetadata().getName() + "-beat-" + type;
        Map<String, String> labels = labels("beat", "beat.k8s.elastic.co/name", beat.getMetadata().getName());
        boolean daemonSet = !spec.containsKey("deployment");
        Map<String, Object> vehicle = SimulatedOperator.map(spec.get(daemonSet ? "daemonSet" : "deployment"));
        PodTemplateSpec pods = podTemplate(vehicle, labels, type, "beats/" + type, beat);
        objects.apply(beat, daemonSet
                ? new DaemonSetBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().withNewSpec()
                        .withNewSelector().withMatchLabels(labels).endSelector().withTemplate(pods).endSpec().build()
                : new DeploymentBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().withNewSpec()
                        .withReplicas(((Number) vehicle.getOrDefault("replicas", 1)).intValue())
                        .withNewSelector().withMatchLabels(labels).endSelector().withTemplate(pods).endSpec().build());
        Map<String, Object> status = new LinkedHashMap<>(Map.of("health", "green", "version", String.valueOf(spec.get("version"))));
        if (spec.containsKey("elasticsearchRef")) status.put("elasticsearchAssociationStatus", "Established");
        if (spec.containsKey("kibanaRef")) status.put("kibanaAssociationStatus", "Established");
        objects.status(beat, status, List.of());
    }

    private static Map<String, String> labels(String type, String nameLabel, String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(nameLabel, name);
        labels.put(TYPE, type);
        return labels;
    }

    /** The resource's podTemplate with ECK's labels, and its main container when the template names none. */
    private static PodTemplateSpec podTemplate(Map<String, Object> holder, Map<String, String> labels, String container, String image,
            GenericKubernetesResource owner) {
        Object given = holder.get("podTemplate");
        PodTemplateSpec template = given == null ? new PodTemplateSpec() : KUBE.convertValue(given, PodTemplateSpec.class);
        var builder = new PodTemplateSpecBuilder(template).editOrNewMetadata().addToLabels(labels).endMetadata().editOrNewSpec();
        String version = String.valueOf(SimulatedOperator.spec(owner).get("version"));
        if (template.getSpec() == null || template.getSpec().getContainers().stream().noneMatch(c -> container.equals(c.getName()))) {
            builder.addNewContainer().withName(container).endContainer();
        }
        var spec = builder.endSpec().build();
        spec.getSpec().getContainers().stream().filter(c -> c.getImage() == null)
                .forEach(c -> c.setImage("docker.elastic.co/" + image + ":" + version));
        return spec;
    }

    private static List<PersistentVolumeClaim> claims(Map<String, Object> nodeSet) {
        Object given = nodeSet.get("volumeClaimTemplates");
        if (given instanceof List<?> list && !list.isEmpty()) {
            List<PersistentVolumeClaim> claims = new ArrayList<>();
            list.forEach(c -> claims.add(KUBE.convertValue(c, PersistentVolumeClaim.class)));
            return claims;
        }
        return List.of(new PersistentVolumeClaimBuilder().withNewMetadata().withName("elasticsearch-data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi"))
                .endResources().endSpec().build());
    }

    private static Service service(String name, Map<String, String> selector, boolean headless, String port, int number) {
        var spec = new ServiceBuilder().withNewMetadata().withName(name).withLabels(selector).endMetadata().withNewSpec()
                .withSelector(selector).addNewPort().withName(port).withPort(number).withProtocol("TCP").endPort();
        if (headless) spec.withClusterIP("None").withPublishNotReadyAddresses(true);
        return spec.endSpec().build();
    }

    /** HTTP is TLS unless the self-signed certificate is disabled and no certificate is given (common/v1 TLSOptions.Enabled). */
    private static boolean tls(GenericKubernetesResource resource) {
        Map<String, Object> tls = SimulatedOperator.map(SimulatedOperator.map(SimulatedOperator.spec(resource).get("http")).get("tls"));
        boolean disabled = Boolean.TRUE.equals(SimulatedOperator.map(tls.get("selfSignedCertificate")).get("disabled"));
        return !disabled || SimulatedOperator.map(tls.get("certificate")).get("secretName") != null;
    }
}

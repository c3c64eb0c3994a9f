package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a simulated operator does to the cluster: objects it owns (deleted with their owner by
 * the garbage collector, as the real operators' are) and the status of the resources it acts on.
 */
public final class OwnedObjects {
    static final String FIELD_MANAGER = "infra-sandbox";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final KubernetesClient client;

    OwnedObjects(KubernetesClient client) {
        this.client = client;
    }

    /** Server-side applies {@code object} in the owner's namespace, controlled by the owner. */
    public void apply(GenericKubernetesResource owner, HasMetadata object) {
        object.getMetadata().setNamespace(owner.getMetadata().getNamespace());
        object.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build()));
        client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** Server-side applies {@code object} in {@code namespace}, owned by nobody: it outlives its cause. */
    public void keep(String namespace, HasMetadata object) {
        object.getMetadata().setNamespace(namespace);
        client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** A resource of any kind; {@code namespace} null for a cluster-scoped one. */
    public Optional<GenericKubernetesResource> get(String apiVersion, String kind, String namespace, String name) {
        var resources = client.genericKubernetesResources(apiVersion, kind);
        return Optional.ofNullable((namespace == null ? resources.withName(name) : resources.inNamespace(namespace).withName(name)).get());
    }

    /** Creates the Secret unless it exists: operators generate passwords and keys only once. */
    public void createSecretOnce(GenericKubernetesResource owner, Secret secret) {
        if (secret(owner.getMetadata().getNamespace(), secret.getMetadata().getName()).isEmpty()) {
            apply(owner, secret);
        }
    }

    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
    }

    /**
     * Sets the resource's status to {@code fields} plus {@code conditions} (type -> status,
     * reason; none: the status has no conditions field written), keeping a condition's lastTransitionTime while its status stays, and writes
     * nothing when nothing changed (each write would come back as an update).
     */
    public void status(GenericKubernetesResource resource, Map<String, Object> fields, List<Condition> conditions) {
        Map<String, Object> current = statusOf(resource);
        Map<String, Object> desired = new LinkedHashMap<>(current);
        desired.putAll(fields);
        if (!conditions.isEmpty()) desired.put("conditions", conditions(current, conditions, resource.getMetadata().getGeneration()));
        // as the API server returns it (numbers as ints), so that an unchanged status compares equal
        Map<?, ?> normalized = JSON.readValue(JSON.writeValueAsString(desired), Map.class);
        if (normalized.equals(current)) return;
        var resources = client.genericKubernetesResources(resource.getApiVersion(), resource.getKind());
        String namespace = resource.getMetadata().getNamespace();
        var named = namespace == null ? resources.withName(resource.getMetadata().getName())
                : resources.inNamespace(namespace).withName(resource.getMetadata().getName());
        String patch = JSON.writeValueAsString(Map.of("status", desired));
        try {
            named.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 || named.get() == null) throw e;
            // a CRD without the status subresource (Argo CD's Application): status is written with the object
            named.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        }
    }

    /** A condition as operators write them. */
    public record Condition(String type, boolean status, String reason, String message) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statusOf(GenericKubernetesResource resource) {
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Map<String, Object>> conditions(Map<String, Object> current, List<Condition> conditions,
            Long generation) {
        List<Map<String, Object>> written = new ArrayList<>();
        for (Condition c : conditions) {
            String status = c.status() ? "True" : "False";
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("type", c.type());
            condition.put("status", status);
            condition.put("reason", c.reason());
            condition.put("message", c.message());
            Object since = previous(current, c.type()).filter(p -> status.equals(p.get("status")))
                    .<Object>map(p -> p.get("lastTransitionTime")).orElse(null);
            condition.put("lastTransitionTime", since != null ? since : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            if (generation != null) {
                condition.put("observedGeneration", generation);
            }
            written.add(condition);
        }
        return written;
    }

    private static Optional<Map<?, ?>> previous(Map<String, Object> current, String type) {
        if (!(current.get("conditions") instanceof List<?> list)) return Optional.empty();
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(m -> (Map<?, ?>) m)
                .filter(m -> Objects.equals(type, m.get("type"))).findFirst();
    }
}

package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * External Secrets Operator v2.9.0, read in external-secrets/external-secrets at v2.9.0:
 * <ul>
 *   <li>SecretStore, ClusterSecretStore -> condition Ready True, reason Valid, "store validated"
 *       (pkg/controllers/secretstore/common.go); the provider is not contacted.</li>
 *   <li>ExternalSecret {@code NAME} -> Secret {@code spec.target.name} (default {@code NAME}) in
 *       its namespace with a key per {@code spec.data[].secretKey}, label
 *       {@code reconcile.external-secrets.io/managed: "true"}, controlled by the ExternalSecret
 *       with creationPolicy Owner (the default), by nobody with Orphan, not made with Merge or
 *       None (pkg/controllers/externalsecret/externalsecret_controller.go, applyOwnership);
 *       condition Ready True, reason SecretSynced, "secret synced", refreshTime,
 *       syncedResourceVersion and binding (markAsDone).</li>
 * </ul>
 * No provider is reached: a key's value is what the Secret already holds (a user may put the
 * provider's value there), else 24 letters and digits made once, as if the provider held them.
 */
final class ExternalSecrets implements SimulatedOperator {
    private static final String API_VERSION = "external-secrets.io/v1";

    @Override
    public String name() {
        return "external-secrets";
    }

    @Override
    public String creates() {
        return "ExternalSecret NAME -> Secret spec.target.name with its keys (values made up), Ready; "
                + "SecretStore, ClusterSecretStore -> Ready";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(API_VERSION, "ExternalSecret"), new Kind(API_VERSION, "SecretStore"),
                new Kind(API_VERSION, "ClusterSecretStore"));
    }

    @Override
    public void reconcile(GenericKubernetesResource resource, OwnedObjects objects) {
        if (!"ExternalSecret".equals(resource.getKind())) {
            objects.status(resource, Map.of(), List.of(new OwnedObjects.Condition("Ready", true, "Valid", "store validated")));
            return;
        }
        Map<String, Object> target = SimulatedOperator.map(SimulatedOperator.spec(resource).get("target"));
        String secretName = String.valueOf(target.getOrDefault("name", resource.getMetadata().getName()));
        String policy = String.valueOf(target.getOrDefault("creationPolicy", "Owner"));
        if (policy.equals("Owner") || policy.equals("Orphan")) {
            Secret secret = secret(resource, secretName, objects.secret(resource.getMetadata().getNamespace(), secretName));
            if (policy.equals("Owner")) {
                objects.apply(resource, secret);
            } else {
                objects.keep(resource.getMetadata().getNamespace(), secret);
            }
        }
        // the time of the first sync stays: a new one at every resync would be a write, and an update, every time
        Object refreshed = SimulatedOperator.map(resource.getAdditionalProperties().get("status")).get("refreshTime");
        objects.status(resource, Map.of("refreshTime", refreshed != null ? refreshed : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "syncedResourceVersion", resource.getMetadata().getGeneration() + "-" + metaHash(resource),
                "binding", Map.of("name", secretName)), List.of(new OwnedObjects.Condition("Ready", true, "SecretSynced", "secret synced")));
    }

    /** Stands for ESO's hash of labels and annotations (pkg/controllers/util/util.go GetResourceVersion). */
    private static String metaHash(GenericKubernetesResource resource) {
        return Integer.toHexString(Objects.hash(resource.getMetadata().getLabels(), resource.getMetadata().getAnnotations()));
    }

    /** The target with a value for every key the ExternalSecret names: the present one, else a made-up one. */
    private static Secret secret(GenericKubernetesResource resource, String name, Optional<Secret> existing) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Object item : (List<?>) SimulatedOperator.spec(resource).getOrDefault("data", List.of())) {
            String key = String.valueOf(SimulatedOperator.map(item).get("secretKey"));
            String present = existing.map(Secret::getData).map(d -> d.get(key)).orElse(null);
            data.put(key, present != null ? present : Base64.getEncoder().encodeToString(Passwords.alphanumeric(24).getBytes()));
        }
        return new SecretBuilder().withNewMetadata().withName(name).addToLabels("reconcile.external-secrets.io/managed", "true")
                .endMetadata().withType("Opaque").withData(data).build();
    }
}

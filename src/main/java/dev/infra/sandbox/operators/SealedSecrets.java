package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Sealed Secrets controller v0.36.6, read in bitnami-labs/sealed-secrets at v0.36.6:
 * SealedSecret {@code NAME} -> Secret {@code NAME} in its namespace with a key per
 * {@code spec.encryptedData} key, the type, labels and annotations of {@code spec.template},
 * controlled by the SealedSecret unless the template's annotation
 * {@code sealedsecrets.bitnami.com/skip-set-owner-references} is "true"
 * (pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go Unseal); status condition Synced
 * True and observedGeneration (pkg/controller/controller.go updateSealedSecretsStatusConditions).
 * The sandbox holds no sealing key, so nothing is decrypted: each value is the sealed text itself.
 */
final class SealedSecrets implements SimulatedOperator {
    private static final String SKIP_OWNER = "sealedsecrets.bitnami.com/skip-set-owner-references";

    @Override
    public String name() {
        return "sealed-secrets";
    }

    @Override
    public String creates() {
        return "SealedSecret NAME -> Secret NAME with its keys (values not decrypted), Synced";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("bitnami.com/v1alpha1", "SealedSecret"));
    }

    @Override
    public void reconcile(GenericKubernetesResource sealed, OwnedObjects objects) {
        Map<String, Object> spec = SimulatedOperator.spec(sealed);
        Map<String, Object> template = SimulatedOperator.map(spec.get("template"));
        Map<String, Object> metadata = SimulatedOperator.map(template.get("metadata"));
        Map<String, String> data = new LinkedHashMap<>();
        SimulatedOperator.map(spec.get("encryptedData")).forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8))));
        var secret = new SecretBuilder().withNewMetadata().withName(sealed.getMetadata().getName())
                .withLabels(strings(metadata.get("labels"))).withAnnotations(strings(metadata.get("annotations"))).endMetadata()
                .withType(String.valueOf(template.getOrDefault("type", "Opaque"))).withData(data).build();
        if ("true".equals(strings(metadata.get("annotations")).get(SKIP_OWNER))) {
            objects.keep(sealed.getMetadata().getNamespace(), secret);
        } else {
            objects.apply(sealed, secret);
        }
        long generation = sealed.getMetadata().getGeneration() == null ? 0 : sealed.getMetadata().getGeneration();
        objects.status(sealed, Map.of("observedGeneration", generation), List.of(new OwnedObjects.Condition("Synced", true, "", "")));
    }

    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        SimulatedOperator.map(map).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}

package dev.infra.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies kwok Stages (kwok.x-k8s.io/v1alpha1) in a way kwok acts on.
 *
 * <p>kwok starts a Stage's controller when the Stage appears and needs the OpenAPI schema of the
 * Stage's resource for that; if the schema is not served yet (a CRD that was just created), it
 * logs the error and does not try again until the Stages change. So each Stage is applied only
 * once the API server serves the OpenAPI v3 document of its resourceRef's group and version.
 */
public final class KwokStages {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;

    public KwokStages(KubernetesClient client) {
        this.client = client;
    }

    /** Applies every Stage in the YAML stream and returns them as applied. */
    public List<HasMetadata> apply(InputStream yaml) {
        List<HasMetadata> applied = new ArrayList<>();
        for (HasMetadata item : client.load(yaml).items()) {
            if (!(item instanceof GenericKubernetesResource stage) || !"Stage".equals(stage.getKind())) {
                throw new IllegalArgumentException("not a kwok Stage: " + item.getKind() + " "
                        + item.getMetadata().getName());
            }
            awaitSchema(stage);
            applied.add(client.resource(stage).forceConflicts().serverSideApply());
        }
        return applied;
    }

    private void awaitSchema(GenericKubernetesResource stage) {
        String apiGroup = stage.get("spec", "resourceRef", "apiGroup");
        String path = apiGroup == null || !apiGroup.contains("/") ? "api/" + (apiGroup == null ? "v1" : apiGroup)
                : "apis/" + apiGroup;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long pause = 50;
        while (!served(path)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Stage " + stage.getMetadata().getName() + " acts on " + apiGroup
                        + ", whose OpenAPI schema the API server did not serve within " + TIMEOUT.toSeconds()
                        + "s; is its CRD installed?");
            }
            sleep(pause);
            pause = Math.min(pause * 2, 1000);
        }
    }

    private boolean served(String path) {
        String index = client.raw("/openapi/v3");
        return index != null && index.contains("\"" + path + "\"");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to apply kwok Stages", e);
        }
    }
}

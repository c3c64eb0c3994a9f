package dev.infra.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in chart's CRD (src/test/standins/CHART/crds) for tests that need the kind without
 * installing the chart: created only when the cluster lacks it, so that it is the same object
 * whichever comes first. A different one would set fields that helm 4's server-side apply of the
 * chart's release then fails on as conflicts. Returns once the CRD is established.
 */
public final class StandInCrds {
    private static final Path STANDINS = Path.of("src/test/standins");

    private StandInCrds() {
    }

    /** {@code file}: relative to src/test/standins, e.g. {@code argo-cd/crds/applications.yaml}. */
    public static void ensure(KubernetesClient client, String file) {
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(STANDINS.resolve(file))) {
            crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var crds = client.apiextensions().v1().customResourceDefinitions();
        if (crds.withName(crd.getMetadata().getName()).get() == null) crds.resource(crd).create();
        crds.withName(crd.getMetadata().getName()).waitUntilCondition(c -> c != null && c.getStatus() != null
                && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 30, TimeUnit.SECONDS);
    }
}

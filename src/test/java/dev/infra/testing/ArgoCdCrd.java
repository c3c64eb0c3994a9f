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
 * Argo CD's Application CRD for tests that need the kind without installing Argo CD: the argo-cd
 * stand-in's own, so that it is the same object whichever comes first. A different one would
 * set fields that helm 4's server-side apply of the argo-cd release then fails on as conflicts.
 */
public final class ArgoCdCrd {
    private static final String NAME = "applications.argoproj.io";

    private ArgoCdCrd() {
    }

    public static void ensure(KubernetesClient client) {
        var crds = client.apiextensions().v1().customResourceDefinitions();
        if (crds.withName(NAME).get() == null) {
            try (InputStream in = Files.newInputStream(Path.of("src/test/standins/argo-cd/crds/applications.yaml"))) {
                crds.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        crds.withName(NAME).waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                && c.getStatus().getConditions().stream().anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                30, TimeUnit.SECONDS);
    }
}

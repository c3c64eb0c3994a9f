package dev.infra.testing;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Argo CD's Application CRD for tests that need the kind without installing Argo CD: the argo-cd
 * stand-in's own (see {@link StandInCrds}).
 */
public final class ArgoCdCrd {
    private ArgoCdCrd() {
    }

    public static void ensure(KubernetesClient client) {
        StandInCrds.ensure(client, "argo-cd/crds/applications.yaml");
    }
}

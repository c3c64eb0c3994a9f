package dev.infra.run;

import dev.infra.helm.Helm;
import dev.infra.helm.Releases;
import dev.infra.kube.ClusterObjects;
import dev.infra.kube.ClusterSecrets;
import dev.infra.kube.InstallState;
import dev.infra.kube.Namespaces;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Consumer;

/**
 * What a step changes and reads: the cluster and helm in production ({@link #of}), fakes in the
 * unit tests of {@link StepRunner}'s decisions.
 *
 * @param namespaces makes sure a namespace exists
 */
record StepCluster(Consumer<String> namespaces, SecretStore secrets, InstallState state, ClusterObjects objects, Releases helm,
                   ComponentReadiness readiness) {

    static StepCluster of(KubernetesClient client, Helm helm, Retry retry) {
        return new StepCluster(new Namespaces(client)::ensure, SecretStore.of(new ClusterSecrets(client)), InstallState.of(client),
                ClusterObjects.of(client), helm, ComponentReadiness.of(client, retry));
    }
}

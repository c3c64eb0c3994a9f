package dev.infra.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a fresh kwok cluster lacks to look like a small real one: kwok's node and pod Stages, a
 * default StorageClass whose claims bind, and an IngressClass {@code nginx}.
 */
final class ClusterBaseline {
    static final String STORAGE_CLASS = "standard";
    static final String INGRESS_CLASS = "nginx";
    private static final String STAGES_CRD = "stages.kwok.x-k8s.io";
    private static final long TIMEOUT_SECONDS = 60;

    private final KubernetesClient client;

    ClusterBaseline(KubernetesClient client) {
        this.client = client;
    }

    /** Applies kwok's default Stages, from the same kwok version as the binaries. */
    void applyDefaultStages(Path stagesFile) {
        client.apiextensions().v1().customResourceDefinitions().withName(STAGES_CRD)
                .waitUntilCondition(ClusterBaseline::established, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try (InputStream in = Files.newInputStream(stagesFile)) {
            new KwokStages(client).apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kwok's default stages from " + stagesFile, e);
        }
    }

    /**
     * The default StorageClass uses kube-controller-manager's hostPath provisioner (enabled with
     * --enable-hostpath-provisioner), so every claim gets a volume of its own, an empty directory
     * under /tmp/hostpath_pv that is removed with its claim (pods on kwok nodes never write).
     */
    void applyStorageClass() {
        client.resource(new StorageClassBuilder()
                .withNewMetadata()
                .withName(STORAGE_CLASS)
                .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
                .endMetadata()
                .withProvisioner("kubernetes.io/host-path")
                .withReclaimPolicy("Delete")
                .withVolumeBindingMode("Immediate")
                .build()).forceConflicts().serverSideApply();
    }

    /** An IngressClass as ingress-nginx declares it; no controller serves it here. */
    void applyIngressClass() {
        client.resource(new IngressClassBuilder()
                .withNewMetadata()
                .withName(INGRESS_CLASS)
                .addToAnnotations("ingressclass.kubernetes.io/is-default-class", "true")
                .endMetadata()
                .withNewSpec()
                .withController("k8s.io/ingress-nginx")
                .endSpec()
                .build()).forceConflicts().serverSideApply();
    }

    void awaitNodesReady(int count) {
        List<Node> nodes = client.nodes().list().getItems();
        if (nodes.size() != count) {
            throw new IllegalStateException("expected " + count + " nodes, the cluster has " + nodes.size());
        }
        for (Node node : nodes) {
            String name = node.getMetadata().getName();
            try {
                client.nodes().withName(name).waitUntilCondition(
                        n -> n != null && Readiness.getInstance().isReady(n), TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (KubernetesClientTimeoutException e) {
                throw new IllegalStateException("node " + name + " did not become Ready in " + TIMEOUT_SECONDS
                        + "s; kwok sets nodes Ready through the node-initialize Stage", e);
            }
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}

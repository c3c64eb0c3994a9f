package dev.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kwokctl configuration of the local control plane: what makes it differ from kwokctl's
 * defaults, each for a reason given here.
 */
final class ControlPlaneConfig {
    private ControlPlaneConfig() {
    }

    /**
     * Writes the kwokctl configuration (and the API server's egress configuration it names) into
     * the cluster's work directory and returns its path, for {@code kwokctl create cluster --config}.
     *
     * <p>Every component listens on 127.0.0.1: kwokctl binds them to 0.0.0.0 by default, etcd
     * included, which serves plain HTTP without authentication, so anyone on the network could
     * read the cluster's Secrets.
     *
     * <p>kube-apiserver: admission webhooks are off, as no webhook server runs on simulated
     * nodes and real charts (cert-manager, kube-prometheus-stack) register webhooks that fail
     * closed; and its calls into the cluster network (aggregated APIs, conversion webhooks,
     * kubelets) go through {@link ClusterEgressProxy} on {@link LocalClusterOptions#egressSocket()},
     * so none can leave the machine.
     */
    static Path write(LocalClusterOptions options) {
        Path egress = options.workDir().resolve("egress-selector.yaml");
        Path config = options.workDir().resolve("kwokctl.yaml");
        try {
            Files.writeString(egress, """
                    apiVersion: apiserver.k8s.io/v1beta1
                    kind: EgressSelectorConfiguration
                    egressSelections:
                    - name: cluster
                      connection:
                        proxyProtocol: HTTPConnect
                        transport:
                          uds:
                            udsName: %s
                    """.formatted(options.egressSocket()));
            return Files.writeString(config, """
                    kind: KwokctlConfiguration
                    apiVersion: config.kwok.x-k8s.io/v1alpha1
                    options:
                      bindAddress: 127.0.0.1
                    componentsPatches:
                    - name: kube-apiserver
                      extraArgs:
                      - key: disable-admission-plugins
                        value: MutatingAdmissionWebhook,ValidatingAdmissionWebhook
                      - key: egress-selector-config-file
                        value: %s
                    """.formatted(egress));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the control plane's configuration into " + options.workDir(), e);
        }
    }
}

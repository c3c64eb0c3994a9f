package dev.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** k3s in a container, where a Docker engine is reachable. */
final class K3sCluster implements TestCluster {
    private static final DockerImageName IMAGE = DockerImageName.parse("rancher/k3s:v1.34.1-k3s1");

    private final K3sContainer container;
    private final Path kubeconfig;

    private K3sCluster(K3sContainer container, Path kubeconfig) {
        this.container = container;
        this.kubeconfig = kubeconfig;
    }

    static K3sCluster start() {
        K3sContainer container = new K3sContainer(IMAGE);
        container.start();
        try {
            Path kubeconfig = Files.createTempFile("infra-k3s-", ".kubeconfig");
            Files.writeString(kubeconfig, container.getKubeConfigYaml());
            return new K3sCluster(container, kubeconfig);
        } catch (IOException e) {
            container.stop();
            throw new UncheckedIOException("cannot write the k3s kubeconfig", e);
        }
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public String description() {
        return "k3s " + IMAGE.getVersionPart() + " in a container";
    }

    @Override
    public void close() {
        container.stop();
        kubeconfig.toFile().delete();
    }
}

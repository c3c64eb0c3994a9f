package dev.infra.cli;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Platform;
import dev.infra.catalog.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which profile, and which infra.yaml, shape the catalog for a command. */
public final class CatalogOptions {
    @Option(names = {"-p", "--profile"}, paramLabel = "NAME",
            description = "Profile: minikube, kind, k3s, ci, sandbox, aks-staging, aks-prod, eks (default: infra.yaml's, else minikube).")
    String profile;

    @Option(names = {"-f", "--config"}, paramLabel = "FILE",
            description = "infra.yaml overlay (default: ./infra.yaml when present).")
    Path config;

    public Platform platform() {
        return Catalog.bundled().resolve(profile, userFile());
    }

    private Optional<YamlDocument> userFile() {
        Path file = config != null ? config : Path.of("infra.yaml");
        if (config == null && !Files.exists(file)) return Optional.empty();
        return Optional.of(YamlDocument.read(file));
    }
}

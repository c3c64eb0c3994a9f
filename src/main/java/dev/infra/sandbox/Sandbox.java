package dev.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The user's local cluster for trying infra without minikube: a {@link LocalCluster} with a
 * fixed name and state directory, whose kubeconfig names its context {@code infra-sandbox},
 * the context the {@code sandbox} profile accepts.
 */
public final class Sandbox {
    public static final String CONTEXT = "infra-sandbox";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Path stateDir;

    public Sandbox(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** {@code ${XDG_STATE_HOME:-~/.local/state}/infra/sandbox} */
    public static Sandbox standard() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return new Sandbox(base.resolve("infra").resolve("sandbox"));
    }

    public Path kubeconfig() {
        return options(null, 1).kubeconfig();
    }

    public boolean exists() {
        return Files.isRegularFile(kubeconfig());
    }

    public LocalCluster up(Path binDir, int nodes, Consumer<String> progress) {
        var cluster = LocalCluster.start(options(binDir, nodes), progress);
        renameContext(kubeconfig());
        return cluster;
    }

    public void down(Path binDir) {
        new Kwokctl(options(binDir, 1)).run("delete", "cluster", "--kubeconfig", kubeconfig().toString());
        try {
            Files.deleteIfExists(kubeconfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalClusterOptions options(Path binDir, int nodes) {
        return new LocalClusterOptions("infra-sandbox", binDir == null ? stateDir : binDir, stateDir, nodes);
    }

    /** kwokctl calls its context kwok-NAME; the sandbox profile knows it as infra-sandbox. */
    private static void renameContext(Path kubeconfig) {
        try {
            var config = (ObjectNode) YAML.readTree(kubeconfig.toFile());
            config.path("contexts").forEach(c -> ((ObjectNode) c).put("name", CONTEXT));
            config.put("current-context", CONTEXT);
            Files.writeString(kubeconfig, YAML.writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + kubeconfig, e);
        }
    }
}

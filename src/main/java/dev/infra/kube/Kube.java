package dev.infra.kube;

import dev.infra.errors.ClusterUnreachableException;
import dev.infra.errors.ConfigException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;

/** Opens a fabric8 client on the user's cluster and makes sure the API server answers. */
public final class Kube {
    private Kube() {
    }

    /** A client for {@code target}; fails fast (exit 3) when the API server does not answer. */
    public static KubeSession connect(KubeTarget target) {
        return probed(open(target));
    }

    /** {@code session} once its API server answered; closed, and failing fast (exit 3), when it does not. */
    public static KubeSession probed(KubeSession session) {
        try {
            session.client().getKubernetesVersion();
        } catch (RuntimeException e) {
            session.close();
            throw session.unreachable(e);
        }
        return session;
    }

    /**
     * A client for {@code target} that has not talked to the API server yet: for a command whose
     * one request tells as much as {@link #connect}'s probe would (see {@link KubeSession#reach}).
     */
    public static KubeSession open(KubeTarget target) {
        Config config = config(target);
        // fail within seconds on a dead cluster instead of fabric8's long default retries
        config.setConnectionTimeout(3_000);
        config.setRequestTimeout(8_000);
        config.setRequestRetryBackoffLimit(1);
        // fabric8 keeps the kubeconfig's client key in a PKCS#12 store in memory, never written out;
        // the JDK's 10,000 PBKDF2 rounds to seal it there and unseal it again took a third of a second
        System.setProperty("keystore.pkcs12.keyPbeIterationCount", "1");
        ClusterCaTrust.apply(config, ClusterCaTrust.defaultStore());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        // the context this config was read for: helm gets its name rather than reading current-context again
        String name = config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
        return new KubeSession(client, name == null ? "(none)" : name, new KubeTarget(target.kubeconfig(), name));
    }

    private static Config config(KubeTarget target) {
        if (target.kubeconfig() == null && noKubeconfigAnywhere()) {
            throw new ClusterUnreachableException("no cluster configured: no $KUBECONFIG, no ~/.kube/config and not in a pod; "
                    + "pass --kubeconfig, or start one (minikube start, infra sandbox up)", null);
        }
        try {
            if (target.kubeconfig() != null) {
                if (!Files.isReadable(target.kubeconfig())) {
                    throw new ConfigException("cannot read kubeconfig " + target.kubeconfig());
                }
                return Config.fromKubeconfig(target.context(), Files.readString(target.kubeconfig()),
                        target.kubeconfig().toString());
            }
            return Config.autoConfigure(target.context());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) throw c;
            throw new ConfigException("unusable kubeconfig" + (target.context() == null ? "" : " or context '"
                    + target.context() + "'") + ": " + rootMessage(e), e);
        }
    }

    /** fabric8 would fall back to the in-cluster address, whose failure says nothing useful. */
    private static boolean noKubeconfigAnywhere() {
        String variable = System.getenv("KUBECONFIG");
        boolean fromVariable = variable != null && java.util.Arrays.stream(variable.split(java.io.File.pathSeparator))
                .anyMatch(f -> !f.isBlank() && Files.isRegularFile(java.nio.file.Path.of(f)));
        boolean fromHome = Files.isRegularFile(java.nio.file.Path.of(System.getProperty("user.home"), ".kube", "config"));
        return !fromVariable && !fromHome && System.getenv("KUBERNETES_SERVICE_HOST") == null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

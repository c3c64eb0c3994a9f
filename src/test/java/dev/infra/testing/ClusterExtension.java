package dev.infra.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test of a {@link KubeTest} class a namespace of its own in the cluster of the run
 * (see {@link ClusterStartup}), and deletes it after the test. The cluster starts once, on first
 * use, and stops when the run ends. A cluster that cannot start fails the tests; none is skipped.
 */
public final class ClusterExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ClusterExtension.class);
    private static final long SERVICE_ACCOUNT_TIMEOUT_SECONDS = 30;

    @Override
    public void beforeEach(ExtensionContext context) {
        TestCluster cluster = context.getRoot().getStore(STORE)
                .getOrComputeIfAbsent(ClusterStartup.class, key -> ClusterStartup.attempt(), ClusterStartup.class)
                .cluster();
        String name = namespaceName(context.getRequiredTestMethod().getName());
        Config config = new ConfigBuilder(Config.fromKubeconfig(cluster.kubeconfig().toFile()))
                .withNamespace(name)
                .build();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        context.getStore(STORE).put(TestNamespace.class, new TestNamespace(name, client, cluster.kubeconfig(), cluster));
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        // Pods are refused until the controller-manager has made the namespace's default account.
        client.serviceAccounts().withName("default")
                .waitUntilCondition(account -> account != null, SERVICE_ACCOUNT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestNamespace namespace = context.getStore(STORE).remove(TestNamespace.class, TestNamespace.class);
        if (namespace != null) {
            try (KubernetesClient client = namespace.client()) {
                client.namespaces().withName(namespace.name()).delete();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
    }

    /** A DNS label from the test's name and a random suffix: "t-deployment-becomes-ready-1a2b3c". */
    static String namespaceName(String testName) {
        String words = testName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        String prefix = "t-" + words.substring(0, Math.min(words.length(), 46));
        return prefix.replaceAll("-+$", "") + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}

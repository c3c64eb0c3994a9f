package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.errors.ComponentFailedException;
import dev.infra.errors.ConfigException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a manifests component applies: which files, in which order, filled in, and where its objects go. */
class ManifestFilesTest {
    static final String BINDINGS = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: operator}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
            subjects:
            - {kind: ServiceAccount, name: operator, namespace: keycloak}
            - {kind: User, name: admin, namespace: keycloak}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: operator}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: operator}
            subjects:
            - {kind: ServiceAccount, name: operator, namespace: keycloak}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: here}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: there, namespace: elsewhere}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: operator}
            """;

    @TempDir
    Path home;

    final KubernetesClient client = new KubernetesClientBuilder().build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    static Component component(Source source) {
        return new Component("access", null, null, source, null, "auth", null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    static Source manifests(String dir) {
        return new Source(null, null, null, null, null, dir, null, null);
    }

    static Source urls(String... urls) {
        return new Source(null, null, "operator", "1.0", null, null, List.of(urls), null);
    }

    @Test
    void yamlFilesAreJoinedInFileNameOrderWithSettingsAndNamespaceFilledIn() throws IOException {
        Path dir = Files.createDirectories(home.resolve("manifests/access"));
        Files.writeString(dir.resolve("20-b.yml"), "host: ${domain}");
        Files.writeString(dir.resolve("10-a.yaml"), "namespace: ${namespace}\nkeep: ${UPPER}");
        Files.writeString(dir.resolve("README.md"), "not applied");
        String text = new Manifests(null, home, null).text(component(manifests("manifests/access")), Map.of("domain", "example.test"));
        assertEquals("namespace: auth\nkeep: ${UPPER}\n---\nhost: example.test", text);
    }

    @Test
    void anUnknownSettingNamesTheFile() throws IOException {
        Path dir = Files.createDirectories(home.resolve("manifests/access"));
        Files.writeString(dir.resolve("10-a.yaml"), "host: ${domian}");
        var e = assertThrows(ConfigException.class,
                () -> new Manifests(null, home, null).text(component(manifests("manifests/access")), Map.of("domain", "x")));
        assertEquals("manifests/access/10-a.yaml: unknown setting '${domian}' (settings: domain, namespace)", e.getMessage());
    }

    @Test
    void aMissingManifestsDirectoryIsAConfigError() {
        var e = assertThrows(ConfigException.class,
                () -> new Manifests(null, home, null).text(component(manifests("manifests/typo")), Map.of()));
        assertEquals("cannot read manifests of 'access' in " + home.resolve("manifests/typo"), e.getMessage());
    }

    @Test
    void upstreamFilesComeFromTheChartSourceByTheirFileName() throws IOException {
        Path source = Files.createDirectories(home.resolve("source"));
        Files.writeString(source.resolve("crds.yml"), "crds");
        Files.writeString(source.resolve("operator.yml"), "operator");
        String text = new Manifests(null, home, source).text(
                component(urls("https://example.test/v1/crds.yml", "https://example.test/v1/operator.yml")), Map.of());
        assertEquals("crds\n---\noperator", text);
    }

    @Test
    void aChartSourceWithoutTheFileSaysWhichFileAndURL() throws IOException {
        Path source = Files.createDirectories(home.resolve("source"));
        var e = assertThrows(ConfigException.class, () -> new Manifests(null, home, source)
                .text(component(urls("https://example.test/v1/crds.yml")), Map.of()));
        assertEquals("chart source " + source + " has no crds.yml (from https://example.test/v1/crds.yml)", e.getMessage());
    }

    @Test
    void upstreamFilesAreDownloadedWithoutAChartSource() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("served " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("missing.yml") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var manifests = new Manifests(null, home, null);
            assertEquals("served /a.yml\n---\nserved /b.yml", manifests.text(component(urls(base + "/a.yml", base + "/b.yml")), Map.of()));
            var e = assertThrows(ConfigException.class, () -> manifests.text(component(urls(base + "/missing.yml")), Map.of()));
            assertEquals("cannot download " + base + "/missing.yml: HTTP 404", e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableDownloadPointsToTheChartSource() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1/crds.yml";
        var e = assertThrows(ConfigException.class, () -> new Manifests(null, home, null).text(component(urls(url)), Map.of()));
        assertEquals(true, e.getMessage().startsWith("cannot download " + url + " ("), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("); offline, use --chart-source DIR with crds.yml"), e.getMessage());
    }

    @Test
    void namespacedObjectsWithoutNamespaceGoToTheComponentsAndOthersKeepTheirs() {
        List<HasMetadata> objects = new Manifests(client, home, null).objects(component(manifests("manifests/access")), BINDINGS);
        assertEquals("auth", objects.get(1).getMetadata().getNamespace());
        assertEquals("auth", objects.get(2).getMetadata().getNamespace());
        assertEquals("elsewhere", objects.get(3).getMetadata().getNamespace());
        assertNull(objects.get(0).getMetadata().getNamespace());
        assertNull(objects.get(4).getMetadata().getNamespace());
    }

    @Test
    void upstreamBindingsOfServiceAccountsPointAtTheComponentsNamespace() {
        var objects = new Manifests(client, home, null).objects(component(urls("https://example.test/operator.yml")), BINDINGS);
        var cluster = ((ClusterRoleBinding) objects.get(0)).getSubjects();
        assertEquals("auth", cluster.get(0).getNamespace());
        assertEquals("keycloak", cluster.get(1).getNamespace(), "a user is not a service account");
        assertEquals("auth", ((RoleBinding) objects.get(1)).getSubjects().get(0).getNamespace());
    }

    @Test
    void theProjectsOwnBindingsAreLeftAsWritten() {
        var objects = new Manifests(client, home, null).objects(component(manifests("manifests/access")), BINDINGS);
        assertEquals("keycloak", ((ClusterRoleBinding) objects.get(0)).getSubjects().get(0).getNamespace());
        assertEquals("keycloak", ((RoleBinding) objects.get(1)).getSubjects().get(0).getNamespace());
    }

    static final String CUSTOM = """
            apiVersion: postgres-operator.crunchydata.com/v1beta1
            kind: PostgresCluster
            metadata: {name: db}
            ---
            apiVersion: example.test/v1
            kind: Tenant
            metadata: {name: acme}
            """;

    @Test
    void aCustomObjectGetsTheComponentsNamespaceOnlyWhenTheClusterSaysItsKindHasOne() {
        var cluster = new FakeCluster();
        cluster.clusterScoped.add("example.test/v1 Tenant");
        var objects = new Manifests(client, cluster, home, null).objects(component(manifests("manifests/db")), CUSTOM);
        assertEquals("auth", objects.get(0).getMetadata().getNamespace());
        assertNull(objects.get(1).getMetadata().getNamespace());
    }

    @Test
    void anUnservedKindNamesTheComponentWhoseCrdProvidesIt() {
        var cluster = new FakeCluster();
        cluster.unserved.add("postgres-operator.crunchydata.com/v1beta1 PostgresCluster");
        var manifests = new Manifests(client, cluster, home, null);
        var objects = manifests.objects(component(manifests("manifests/db")), CUSTOM);
        var pgo = new Component("pgo", null, null, manifests("manifests/pgo"), null, "pgo", null,
                List.of("postgres-operator.crunchydata.com/PostgresCluster"), null, null, null, null, null, null, null, null, null, null, null);
        var platform = new Platform("ci", null, List.of(), List.of(), Map.of(), List.of(component(manifests("x")), pgo), false);
        var e = assertThrows(ComponentFailedException.class, () -> manifests.requireServed(objects, platform));
        assertEquals("postgres-operator.crunchydata.com/v1beta1 PostgresCluster db is not served (the cluster serves no PostgresCluster); "
                + "its CRD comes with component 'pgo', which must be installed first", e.getMessage());
    }

    @Test
    void anUnservedKindThatNoComponentProvidesSaysWhichCrdToInstall() {
        var cluster = new FakeCluster();
        cluster.unserved.add("example.test/v1 Tenant");
        cluster.unserved.add("v1 Gadget");
        var manifests = new Manifests(client, cluster, home, null);
        var platform = new Platform("ci", null, List.of(), List.of(), Map.of(), List.of(), false);
        var tenant = manifests.objects(component(manifests("manifests/db")), CUSTOM);
        var e = assertThrows(ComponentFailedException.class, () -> manifests.requireServed(tenant, platform));
        assertEquals("example.test/v1 Tenant acme is not served (the cluster serves no Tenant); no component of profile 'ci' "
                + "provides it: install the CRD that defines Tenant in example.test first", e.getMessage());
        var gadget = manifests.objects(component(manifests("manifests/db")), "apiVersion: v1\nkind: Gadget\nmetadata: {name: g}\n");
        e = assertThrows(ComponentFailedException.class, () -> manifests.requireServed(gadget, platform));
        assertTrue(e.getMessage().endsWith("install the CRD that defines Gadget in the core API first"), e.getMessage());
    }
}

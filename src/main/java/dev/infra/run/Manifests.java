package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.Settings;
import dev.infra.catalog.Source;
import dev.infra.catalog.Platform;
import dev.infra.errors.ComponentFailedException;
import dev.infra.errors.ConfigException;
import dev.infra.kube.ServedApis;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plain Kubernetes YAML of a component: this project's {@code manifests/NAME/*.yaml} (applied in
 * file-name order, with {@code ${setting}} and {@code ${namespace}} filled in) or an upstream's
 * files at pinned URLs (or, offline, the same file names in the chart source directory).
 */
public final class Manifests {
    private final KubernetesClient client;
    private final ServedApis apis;
    private final Path home;
    private final Path chartSource;

    /** @param client null when only {@link #text} is used */
    public Manifests(KubernetesClient client, Path home, Path chartSource) {
        this(client, ServedApis.of(client), home, chartSource);
    }

    /** {@code client} only parses; {@code apis} says what the cluster serves. */
    Manifests(KubernetesClient client, ServedApis apis, Path home, Path chartSource) {
        this.client = client;
        this.apis = apis;
        this.home = home;
        this.chartSource = chartSource;
    }

    /** The YAML as it will be applied; also what the component's digest is made of. */
    public String text(Component component, Map<String, String> settings) {
        Source source = component.source();
        if (source.kind() == Source.Kind.URLS) {
            return String.join("\n---\n", source.urls().stream().map(this::fetch).toList());
        }
        Map<String, String> variables = new HashMap<>(settings);
        variables.put("namespace", component.namespace());
        var expand = new Settings(variables, (where, message) -> new ConfigException(where + ": " + message));
        Path dir = home.resolve(source.manifests());
        try (Stream<Path> files = Files.list(dir)) {
            return String.join("\n---\n", files
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .map(f -> expand.replace(read(f), source.manifests() + "/" + f.getFileName()))
                    .toList());
        } catch (IOException e) {
            throw new ConfigException("cannot read manifests of '" + component.name() + "' in " + dir, e);
        }
    }

    /** The objects in {@code text}, with the component's namespace where they name none. */
    List<HasMetadata> objects(Component component, String text) {
        var objects = parse(text);
        for (HasMetadata object : objects) {
            if (object.getMetadata().getNamespace() == null && isNamespaced(object)) {
                object.getMetadata().setNamespace(component.namespace());
            }
            if (component.source().kind() == Source.Kind.URLS) bindServiceAccountsHere(object, component.namespace());
        }
        return objects;
    }

    /** The objects in {@code yaml} as written; parsing asks the cluster nothing. */
    List<HasMetadata> parse(String yaml) {
        return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }

    /**
     * Fails, before anything is applied, when the cluster does not serve an object's kind,
     * naming the component of {@code platform} whose CRD provides it (or saying none does).
     */
    void requireServed(List<HasMetadata> objects, Platform platform) {
        for (HasMetadata object : objects) {
            String apiVersion = object.getApiVersion();
            apis.missing(apiVersion, object.getKind()).ifPresent(why -> {
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String kind = group + "/" + object.getKind();
                String provider = platform.components().stream().filter(p -> p.provides().contains(kind)).findFirst()
                        .map(p -> "its CRD comes with component '" + p.name() + "', which must be installed first")
                        .orElse("no component of profile '" + platform.profile() + "' provides it: install the CRD that defines "
                                + object.getKind() + " in " + (group.isEmpty() ? "the core API" : group) + " first");
                throw new ComponentFailedException(apiVersion + " " + object.getKind() + " "
                        + object.getMetadata().getName() + " is not served (" + why + "); " + provider);
            });
        }
    }

    /** {@code object} as {@link #apply} would leave it (the server's defaults filled in), changing nothing: what kubectl diff compares. */
    HasMetadata wouldApply(HasMetadata object) {
        return client.resource(object).dryRun().fieldManager("infra").forceConflicts().serverSideApply();
    }

    /**
     * Upstream manifests meant for {@code kubectl apply -n NS} still name their own namespace in
     * role binding subjects (Keycloak's names "keycloak"); they must point at where we install.
     */
    public static void bindServiceAccountsHere(HasMetadata object, String namespace) {
        List<Subject> subjects = object instanceof ClusterRoleBinding c ? c.getSubjects()
                : object instanceof RoleBinding r ? r.getSubjects() : List.of();
        subjects.stream().filter(s -> "ServiceAccount".equals(s.getKind())).forEach(s -> s.setNamespace(namespace));
    }

    private boolean isNamespaced(HasMetadata object) {
        if (!(object instanceof GenericKubernetesResource)) return object instanceof Namespaced;
        return apis.namespaced(object.getApiVersion(), object.getKind());
    }

    private String fetch(String url) {
        String file = url.substring(url.lastIndexOf('/') + 1);
        if (chartSource != null) {
            Path local = chartSource.resolve(file);
            if (!Files.isRegularFile(local)) throw new ConfigException("chart source " + chartSource + " has no " + file + " (from " + url + ")");
            return read(local);
        }
        try {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new ConfigException("cannot download " + url + ": HTTP " + response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new ConfigException("cannot download " + url + " (" + e.getMessage() + "); offline, use --chart-source DIR with " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file, e);
        }
    }
}

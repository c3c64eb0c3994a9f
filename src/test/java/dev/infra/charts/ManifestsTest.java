package dev.infra.charts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.Source;
import dev.infra.readiness.ReadinessCheck;
import dev.infra.readiness.RenderedChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The plain manifests that catalog steps apply, checked under every profile as the engine applies them. */
class ManifestsTest {
    static final Path ROOT = Path.of("manifests");
    /** What the engine substitutes: lowerCamelCase settings and the component's namespace. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** Left for others, e.g. a Keycloak realm import's own placeholders. */
    static final Pattern FOREIGN = Pattern.compile("[A-Z][A-Z0-9_]*");

    record Step(Platform platform, Component component) {
        Path directory() {
            return Path.of(component.source().manifests());
        }

        List<Path> files() {
            try (Stream<Path> files = Files.list(directory())) {
                return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The file's objects after substitution, as the engine would apply them. */
        KubeObjects objects(Path file) {
            String text = read(file);
            Matcher m = PLACEHOLDER.matcher(text);
            var out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = name.equals("namespace") ? component.namespace() : platform.settings().get(name);
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            try {
                return KubeObjects.parse(m.appendTail(out).toString());
            } catch (JacksonException e) {
                throw new AssertionError(this + ": " + file + " does not parse: " + e.getOriginalMessage(), e);
            }
        }

        KubeObjects objects() {
            return new KubeObjects(files().stream().flatMap(f -> objects(f).items().stream()).toList());
        }

        @Override
        public String toString() {
            return platform.profile() + "/" + component.name();
        }
    }

    static Stream<Step> manifestSteps() {
        Catalog catalog = Catalog.bundled();
        return catalog.profileNames().stream()
                .map(profile -> catalog.resolve(profile, Optional.empty()))
                .flatMap(platform -> platform.components().stream()
                        .filter(c -> c.source().kind() == Source.Kind.MANIFESTS)
                        .map(c -> new Step(platform, c)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyManifestsDirectoryHoldsYamlFiles() {
        assertAll(manifestSteps().map(step -> () -> {
            assertTrue(Files.isDirectory(step.directory()), step + ": no directory " + step.directory());
            assertFalse(step.files().isEmpty(), step + ": no *.yaml in " + step.directory());
        }));
    }

    @Test
    void everyObjectParsesWithApiVersionKindAndName() {
        assertAll(manifestSteps().map(step -> () -> {
            for (Path file : step.files()) {
                var objects = step.objects(file);
                assertFalse(objects.items().isEmpty(), file + " holds no object");
                for (var object : objects.items()) {
                    for (String field : List.of("apiVersion", "kind")) {
                        assertFalse(object.path(field).asString("").isBlank(), file + ": an object has no " + field);
                    }
                    assertFalse(object.path("metadata").path("name").asString("").isBlank(),
                            file + ": " + object.path("kind").asString() + " has no metadata.name");
                }
            }
        }));
    }

    @Test
    void placeholdersAreSettingsOfTheProfileOrTheNamespace() {
        assertAll(manifestSteps().map(step -> () -> {
            Set<String> known = new TreeSet<>(step.platform().settings().keySet());
            known.add("namespace");
            for (Path file : step.files()) {
                Matcher m = PLACEHOLDER.matcher(read(file));
                while (m.find()) {
                    String name = m.group(1);
                    assertTrue(known.contains(name) || FOREIGN.matcher(name).matches(),
                            file + ": ${" + name + "} is neither a setting of profile " + step.platform().profile()
                                    + " " + known + " nor ${namespace} nor an UPPER_CASE placeholder left for others");
                }
            }
        }));
    }

    @Test
    void namespacedObjectsLeaveTheirNamespaceToTheComponent() {
        assertAll(manifestSteps().map(step -> () -> {
            for (var object : step.objects().items()) {
                assertTrue(object.path("metadata").path("namespace").isMissingNode(),
                        step + ": " + object.path("kind").asString() + " " + object.path("metadata").path("name").asString()
                                + " names its namespace; the engine puts it in " + step.component().namespace());
            }
        }));
    }

    @Test
    void readinessChecksOnlyAddWhatTheDirectoryDoesNotHoldAndNameApiVersionsItUses() {
        assertAll(manifestSteps().map(step -> () -> {
            var objects = step.objects();
            var checks = new RenderedChecks(objects.release(), step.component().namespace());
            var problems = new ArrayList<>(checks.unknown(step.component().readiness()));
            problems.addAll(checks.redundant(step.component().readiness()));
            assertEquals(List.of(), problems, step + " readiness");
            for (ReadinessCheck check : step.component().readiness()) {
                // objects an operator creates (Keycloak's StatefulSet, PGO's user secret) are not in the files
                if (check.createdBy() != null || check.apiVersion() == null) continue;
                assertEquals(check.apiVersion(), objects.get(check.kind(), check.name()).path("apiVersion").asString(), step + ": " + check.kind());
            }
        }));
    }

    @Test
    void everyDirectoryUnderManifestsIsAppliedBySomeComponent() throws IOException {
        Set<String> used = manifestSteps().map(s -> s.directory().normalize().toString()).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(used.contains(dir.normalize().toString()), dir + " is not the source of any catalog component");
            }
        }
    }

    @Test
    void platformCreatesTheNamespacesEveryComponentInstallsInto() {
        var platform = Catalog.bundled().resolve("minikube", Optional.empty());
        var step = new Step(platform, platform.component("platform"));
        var created = step.objects().ofKind("Namespace").stream()
                .map(n -> n.path("metadata").path("name").asString()).collect(Collectors.toSet());
        var needed = new TreeSet<String>();
        // disabled components (the cloud ones) get their namespace from the engine when enabled
        platform.enabled().forEach(c -> {
            needed.add(c.namespace());
            c.secrets().forEach(s -> needed.addAll(s.alsoIn()));
        });
        assertTrue(created.containsAll(needed), "missing namespaces: " + difference(needed, created));
    }

    @Test
    void realmImportTakesClientSecretsFromTheGeneratedSecretsNeverInline() {
        var platform = Catalog.bundled().resolve("minikube", Optional.empty());
        var step = new Step(platform, platform.component("keycloak-realm"));
        var spec = step.objects().get("KeycloakRealmImport", "youwol").path("spec");
        Map<String, String> secretOf = Map.of(
                "admin-cli", "keycloak-admin-secret/keycloak_admin_client_secret",
                "oidc-token-generator", "openid-app-secret/openid_client_secret");
        for (var client : spec.path("realm").path("clients")) {
            String id = client.path("clientId").asString();
            Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(client.path("secret").asString());
            if (!m.matches()) fail(id + "'s secret is not a placeholder: " + client.path("secret"));
            var ref = spec.path("placeholders").path(m.group(1)).path("secret");
            assertEquals(secretOf.get(id), ref.path("name").asString() + "/" + ref.path("key").asString(), id);
        }
        var generated = platform.components().stream().flatMap(c -> c.secrets().stream())
                .filter(s -> Boolean.TRUE.equals(s.generate()) && s.alsoIn().contains("infra"))
                .map(s -> s.name()).toList();
        assertTrue(generated.containsAll(List.of("keycloak-admin-secret", "openid-app-secret")), generated.toString());
    }

    @Test
    void keycloakDatabaseKeepsBackupsByCountSoWalCannotGrowWithoutBound() {
        var platform = Catalog.bundled().resolve("minikube", Optional.empty());
        var cluster = new Step(platform, platform.component("keycloak-db")).objects()
                .get("PostgresCluster", "keycloak").path("spec");
        var global = cluster.path("backups").path("pgbackrest").path("global");
        assertEquals("count", global.path("repo1-retention-full-type").asString());
        assertFalse(global.path("repo1-retention-full").asString("").isBlank());
        assertFalse(global.path("archive-push-queue-max").asString("").isBlank());
        assertEquals("standard", cluster.path("instances").get(0).path("dataVolumeClaimSpec").path("storageClassName").asString());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}

package dev.infra.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogTest {
    static final String CATALOG = """
            components:
              - name: base
                source: {manifests: manifests/base}
                namespace: apps
              - name: web
                source: {repo: https://charts.example.org, chart: web, version: 1.2.3}
                namespace: apps
                needs: [base]
                values:
                  ingress: {className: "${ingressClass}", host: web.local}
                readyIn: 90s
            """;
    static final String PROFILES = """
            profiles:
              minikube:
                settings: {ingressClass: nginx}
              lab:
                settings: {ingressClass: traefik}
                disable: [web]
            """;

    static Catalog catalog(String catalog, String profiles) {
        return new Catalog(YamlDocument.parse("catalog.yaml", catalog), YamlDocument.parse("profiles.yaml", profiles));
    }

    static Platform resolve(String userFile) {
        return catalog(CATALOG, PROFILES).resolve(null, Optional.of(YamlDocument.parse("infra.yaml", userFile)));
    }

    static String error(Runnable action) {
        return assertThrows(ConfigException.class, action::run).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minikube", "kind", "k3s", "ci"})
    void everyBundledProfileResolvesToAValidPlatform(String profile) {
        var platform = Catalog.bundled().resolve(profile, Optional.empty());
        assertEquals(profile, platform.profile());
        assertTrue(platform.enabled().size() >= 20, "components enabled: " + platform.enabled().size());
    }

    @Test
    void bundledCatalogHasEveryComponentOfTheSeeds() {
        var names = Catalog.bundled().resolve("minikube", Optional.empty()).names();
        for (String name : new String[]{"platform", "kubernetes-dashboard", "dashboard-access", "pgo", "pgadmin",
                "prometheus-stack", "loki", "promtail", "keycloak-operator-crds", "keycloak-operator", "keycloak",
                "keycloak-realm", "minio", "redis", "cert-manager", "static-assets", "app-database", "app-backend",
                "app-frontend"}) {
            assertTrue(names.contains(name), "missing component " + name);
        }
    }

    @Test
    void profileSettingsAreSubstitutedIntoValues() {
        var web = catalog(CATALOG, PROFILES).resolve("lab", Optional.empty()).component("web");
        assertEquals(Map.of("className", "traefik", "host", "web.local"), web.values().get("ingress"));
        assertFalse(web.isEnabled());
        assertEquals(Duration.ofSeconds(90), web.readyIn());
    }

    @Test
    void infraYamlMergesValuesAddsComponentsAndPicksTheProfile() {
        var platform = resolve("""
                profile: lab
                enable: [web]
                components:
                  web:
                    values:
                      ingress: {host: shop.local}
                  worker:
                    source: {path: charts/worker}
                    namespace: apps
                    needs: [web]
                """);
        assertEquals("lab", platform.profile());
        assertEquals(Map.of("className", "traefik", "host", "shop.local"), platform.component("web").values().get("ingress"));
        assertTrue(platform.component("web").isEnabled());
        assertEquals("worker", platform.component("worker").release());
    }

    @Test
    void unknownProfileSuggestsTheClosest() {
        assertEquals("unknown profile 'minikub'; did you mean 'minikube'?",
                error(() -> Catalog.bundled().resolve("minikub", Optional.empty())));
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertTrue(error(() -> resolve("enable: [web\ndisable: x\n")).startsWith("infra.yaml:2: malformed YAML"));
    }

    @Test
    void unknownFieldNamesLineAndSuggestsTheField() {
        assertEquals("infra.yaml:3: components.web.valuse: unknown field 'valuse'; did you mean 'values'?",
                error(() -> resolve("components:\n  web:\n    valuse: {}\n")));
    }

    @Test
    void wrongTypeNamesLineAndField() {
        assertTrue(error(() -> resolve("components:\n  web:\n    readyIn: soon\n"))
                .startsWith("infra.yaml:3: components.web.readyIn: "), "names the field");
    }

    @Test
    void unknownComponentInEnableNamesItsLine() {
        assertEquals("infra.yaml:3: enable.1: unknown component 'wbe'; did you mean 'web'?",
                error(() -> resolve("enable:\n  - base\n  - wbe\n")));
    }

    @Test
    void needOnUnknownComponentNamesTheFileThatSetIt() {
        assertEquals("infra.yaml:3: components.web.needs: component 'web': unknown component 'bse'; did you mean 'base'?",
                error(() -> resolve("components:\n  web:\n    needs: [bse]\n")));
    }

    @Test
    void unpinnedHelmChartIsRejected() {
        assertTrue(error(() -> resolve("components:\n  extra:\n    namespace: x\n    source: {repo: https://r, chart: c}\n"))
                .contains("component 'extra': source needs a pinned version"));
    }

    @Test
    void sourceMustBeExactlyOneKind() {
        assertTrue(error(() -> resolve("components:\n  web:\n    source: {path: charts/web}\n"))
                .contains("source must have exactly one of repo, oci, path, manifests, urls"));
    }

    @Test
    void customResourceReadinessNeedsACondition() {
        assertTrue(error(() -> resolve("components:\n  web:\n    readiness: [{kind: Keycloak, name: k}]\n"))
                .contains("Keycloak 'k' is a custom resource: it needs apiVersion and condition"));
    }

    @Test
    void unknownSettingInValuesIsNamed() {
        assertTrue(error(() -> resolve("components:\n  web:\n    values: {storage: \"${storageClass}\"}\n"))
                .contains("unknown setting '${storageClass}'"));
    }

    @Test
    void secretReferenceMustNameADeclaredSecretAndKey() {
        assertTrue(error(() -> resolve("""
                components:
                  web:
                    secrets: [{name: web-admin, keys: [password]}]
                    values: {adminPassword: "${secret:web-admin/pasword}"}
                """)).contains("secret 'web-admin' has no key 'pasword' (keys: password)"));
    }

    @Test
    void componentDefinedTwiceIsRejected() {
        assertEquals("catalog.yaml:3: components.1.name: component 'a' is defined twice",
                error(() -> catalog("""
                        components:
                          - {name: a, namespace: x, source: {manifests: m}}
                          - {name: a, namespace: y, source: {manifests: m}}
                        """, PROFILES).resolve("minikube", Optional.empty())));
    }

    @Test
    void profileContextsAreGlobs() {
        var kind = Catalog.bundled().resolve("kind", Optional.empty());
        assertTrue(kind.allowsContext("kind-dev"));
        assertFalse(kind.allowsContext("minikube"));
        assertTrue(Catalog.bundled().resolve("ci", Optional.empty()).allowsContext("anything"));
    }

    @Test
    void aProfileThatExtendsAnotherGetsItsSettingsAndOverridesButItsOwnContexts() {
        var sandbox = Catalog.bundled().resolve("sandbox", Optional.empty());
        var ci = Catalog.bundled().resolve("ci", Optional.empty());
        assertEquals(ci.settings(), sandbox.settings());
        assertEquals(ci.component("minio").values(), sandbox.component("minio").values());
        assertTrue(sandbox.allowsContext("infra-sandbox"));
        assertFalse(sandbox.allowsContext("minikube"));
    }

    @Test
    void extendingAnUnknownProfileNamesTheLine() {
        assertEquals("profiles.yaml:3: profiles.child.extends: unknown profile 'minikub'; did you mean 'minikube'?",
                error(() -> catalog(CATALOG, "profiles:\n  child:\n    extends: minikub\n  minikube: {}\n").resolve("child", Optional.empty())));
    }
    @Test
    void valuesFilesAreMergedUnderTheValuesOfTheFileThatNamesThem(@TempDir Path dir) throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("values")).resolve("web.yaml"),
                "ingress: {host: from-file, tls: true}\nreplicas: 3\nclass: \"${ingressClass}\"\n");
        Path user = Files.writeString(dir.resolve("infra.yaml"), """
                components:
                  web:
                    valuesFiles: [values/web.yaml]
                    values:
                      ingress: {host: inline}
                """);
        var values = catalog(CATALOG, PROFILES).resolve("minikube", Optional.of(YamlDocument.read(user))).component("web").values();
        assertEquals(Map.of("className", "nginx", "host", "inline", "tls", true), values.get("ingress"));
        assertEquals(3, values.get("replicas"));
        assertEquals("nginx", values.get("class"), "settings apply to values files too");
    }

    @Test
    void valuesFilesOfALaterFileWinOverEarlierOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "replicas: 1\nname: a\n");
        Files.writeString(dir.resolve("b.yaml"), "replicas: 2\n");
        Path user = Files.writeString(dir.resolve("infra.yaml"), "components:\n  base:\n    valuesFiles: [a.yaml, b.yaml]\n");
        var values = catalog(CATALOG, PROFILES).resolve("minikube", Optional.of(YamlDocument.read(user))).component("base").values();
        assertEquals(Map.of("replicas", 2, "name", "a"), values);
    }

    @Test
    void aMissingValuesFileNamesTheLineThatNamesIt(@TempDir Path dir) throws IOException {
        Path user = Files.writeString(dir.resolve("infra.yaml"), "components:\n  web:\n    valuesFiles:\n      - gone.yaml\n");
        assertEquals(user + ":4: components.web.valuesFiles.0: no values file " + dir.resolve("gone.yaml"),
                error(() -> catalog(CATALOG, PROFILES).resolve("minikube", Optional.of(YamlDocument.read(user)))));
    }

    @Test
    void aValuesFileThatIsNoMappingIsAnErrorInThatFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("list.yaml"), "- a\n");
        Path user = Files.writeString(dir.resolve("infra.yaml"), "components:\n  web:\n    valuesFiles: [list.yaml]\n");
        assertEquals(dir.resolve("list.yaml") + ":1: expected a mapping of fields",
                error(() -> catalog(CATALOG, PROFILES).resolve("minikube", Optional.of(YamlDocument.read(user)))));
    }
}

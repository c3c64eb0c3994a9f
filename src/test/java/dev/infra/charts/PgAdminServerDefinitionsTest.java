package dev.infra.charts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.PortForward;
import dev.infra.catalog.SecretSpec;
import dev.infra.testing.UpstreamCharts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * pgAdmin comes up knowing every database of the platform: the real pgadmin4 chart, rendered with
 * infra's values under each profile that installs it, registers one server per Postgres that
 * {@code infra port-forward} reaches, and its password reaches pgAdmin only from the login Secret.
 */
class PgAdminServerDefinitionsTest {
    private static final Path CHART = UpstreamCharts.chart("pgadmin4", "1.66.0");
    static HelmBinary helm;

    @TempDir
    Path dir;

    @BeforeAll
    static void findHelm() {
        helm = HelmBinary.onPath();
    }

    @Test
    void everyDatabaseOfTheProfileIsRegisteredAtItsServiceWithItsLogin() {
        assertAll(profilesWithPgAdmin().map(platform -> () -> {
            KubeObjects rendered = render(platform);
            JsonNode servers = servers(rendered);
            List<Component> databases = databases(platform);
            assertEquals(databases.stream().map(Component::name).sorted().toList(),
                    servers.propertyNames().stream().sorted().toList(), platform.profile() + ": registered servers");
            String script = pgpassScript(rendered);
            for (Component db : databases) {
                PortForward forward = postgresForward(db);
                JsonNode server = servers.path(db.name());
                String host = forward.service() + "." + db.namespace() + ".svc";
                assertEquals(host, server.path("Host").asString(), platform.profile() + "/" + db.name());
                assertEquals(forward.port(), server.path("Port").asInt(), platform.profile() + "/" + db.name());
                assertEquals(db.namespace(), server.path("Group").asString(), "grouped by namespace");
                fixedUser(db, forward).ifPresent(user -> assertEquals(user, server.path("Username").asString()));
                assertEquals("/pgpass", server.path("PassFile").asString(), db.name() + " logs in from the pgpass file");
                assertTrue(script.contains(host + ":" + forward.port() + ":*:" + server.path("Username").asString() + ":"),
                        platform.profile() + ": the pgpass file has no line for " + db.name() + ":\n" + script);
            }
        }));
    }

    @Test
    void serverDefinitionsHoldNoPasswordWhichComesOnlyFromTheLoginSecrets() {
        assertAll(profilesWithPgAdmin().map(platform -> () -> {
            KubeObjects rendered = render(platform);
            servers(rendered).forEach(server ->
                    assertFalse(server.has("Password"), platform.profile() + ": a password in " + server));
            JsonNode init = pgpassContainer(rendered);
            for (Component db : databases(platform)) {
                var login = postgresForward(db).postgres();
                boolean fromSecret = init.path("env").valueStream().anyMatch(env ->
                        env.path("valueFrom").path("secretKeyRef").path("name").asString().equals(login.secret())
                        && env.path("valueFrom").path("secretKeyRef").path("key").asString().equals(login.password()));
                assertTrue(fromSecret, platform.profile() + ": " + db.name() + "'s password is not read from "
                        + login.secret() + "/" + login.password());
                assertTrue(secretReachesPgAdminsNamespace(platform, login.secret(), pgAdmin(platform).namespace()),
                        login.secret() + " is not in pgAdmin's namespace");
            }
            init.path("env").forEach(env -> assertFalse(env.has("value"), "a literal value in " + env));
        }));
    }

    private static Stream<Platform> profilesWithPgAdmin() {
        Catalog catalog = Catalog.bundled();
        return catalog.profileNames().stream()
                .map(profile -> catalog.resolve(profile, Optional.empty()))
                .filter(platform -> platform.enabled().stream().anyMatch(c -> c.name().equals("pgadmin")));
    }

    private static Component pgAdmin(Platform platform) {
        return platform.component("pgadmin");
    }

    /** The profile's components with a Postgres that {@code infra port-forward} and {@code infra psql} reach. */
    private static List<Component> databases(Platform platform) {
        return platform.enabled().stream()
                .filter(c -> c.portForwards().stream().anyMatch(f -> f.postgres() != null))
                .toList();
    }

    private static PortForward postgresForward(Component db) {
        return db.portForwards().stream().filter(f -> f.postgres() != null).findFirst().orElseThrow();
    }

    private static Optional<String> fixedUser(Component db, PortForward forward) {
        return db.secrets().stream()
                .filter(s -> s.name().equals(forward.postgres().secret()))
                .map(s -> s.fixed().get(forward.postgres().user()))
                .filter(user -> user != null)
                .findFirst();
    }

    private static boolean secretReachesPgAdminsNamespace(Platform platform, String name, String namespace) {
        return platform.enabled().stream().flatMap(c -> c.secrets().stream())
                .filter(s -> s.name().equals(name))
                .anyMatch(s -> inNamespace(s, namespace));
    }

    private static boolean inNamespace(SecretSpec secret, String namespace) {
        return secret.namespace().equals(namespace) || secret.alsoIn().contains(namespace);
    }

    private KubeObjects render(Platform platform) throws IOException {
        Component pgAdmin = pgAdmin(platform);
        Path values = Files.createTempFile(dir, platform.profile(), ".yaml");
        Files.writeString(values, KubeObjects.YAML.writeValueAsString(pgAdmin.values()));
        return KubeObjects.parse(helm.run("template", pgAdmin.release(), CHART.toString(),
                "--namespace", pgAdmin.namespace(), "--values", values.toString()));
    }

    private static JsonNode servers(KubeObjects rendered) {
        String json = rendered.get("ConfigMap", "pgadmin-server-definitions").path("data").path("servers.json").asString();
        return KubeObjects.YAML.readTree(json).path("Servers");
    }

    private static JsonNode pgpassContainer(KubeObjects rendered) {
        return rendered.get("Deployment", "pgadmin").path("spec").path("template").path("spec").path("initContainers")
                .valueStream().filter(c -> c.path("name").asString().equals("pgpass")).findFirst()
                .orElseThrow(() -> new AssertionError("no init container pgpass"));
    }

    private static String pgpassScript(KubeObjects rendered) {
        return String.join("\n", pgpassContainer(rendered).path("args").valueStream().map(JsonNode::asString).toList());
    }
}

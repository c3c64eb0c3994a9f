package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.Catalog;
import dev.infra.catalog.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After up: URLs, port-forwards and logins, all from the catalog's data. */
class NextStepsTest {

    private static List<Component> minikube(String... names) {
        var platform = Catalog.bundled().resolve("minikube", java.util.Optional.empty());
        return List.of(names).stream().map(platform::component).toList();
    }

    @Test
    void eachComponentShowsItsIngressUrlsPortForwardsAndThePasswordCommandOfItsLogins() {
        var lines = NextSteps.lines(minikube("platform", "prometheus-stack", "pgadmin", "keycloak-db", "keycloak"),
                Map.of("prometheus-stack", List.of("http://tooling.w3nest.minikube/grafana")));
        assertEquals(List.of(
                "Next:",
                "  platform",
                "    infra secret get minio-app-secret --key app-secret-key   (login app)",
                "  prometheus-stack",
                "    http://tooling.w3nest.minikube/grafana",
                "    infra port-forward grafana   http://127.0.0.1:3000",
                "    infra port-forward prometheus   http://127.0.0.1:9090",
                "    infra port-forward alertmanager   http://127.0.0.1:9093",
                "    infra secret get grafana-admin --key admin-password   (login admin)",
                "  pgadmin",
                "    infra port-forward pgadmin   http://127.0.0.1:9002",
                "    infra secret get pgadmin-secret --key password-key   (login pgadmin@w3nest.com)",
                "  keycloak-db",
                "    infra port-forward keycloak-db   postgres://127.0.0.1:5433",
                "    infra psql keycloak-db",
                "  keycloak",
                "    infra port-forward keycloak   http://127.0.0.1:8080/auth",
                "    infra secret get keycloak-bootstrap-admin --key password   (login admin)"), lines);
    }

    @Test
    void nothingIsPrintedWhenNoComponentHasAWayIn() {
        assertEquals(List.of(), NextSteps.lines(minikube("pgo", "cert-manager"), Map.of()));
    }
}

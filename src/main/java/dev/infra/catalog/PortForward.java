package dev.infra.catalog;

import java.util.Map;

/**
 * A named target for {@code infra port-forward NAME}: a Service port and the local port users
 * expect (the seed's habits: pgAdmin on 9002, the MinIO console on 9001).
 *
 * @param path     where the UI lives behind the port, e.g. {@code /auth} for Keycloak
 * @param pods     labels of the pods to forward to, for a Service that selects none itself (PGO's
 *                 primary Service has no selector; Patroni labels the leader pod instead)
 * @param postgres for a database: where its login is, so that {@code infra psql NAME} can connect
 */
public record PortForward(String name, String service, Integer port, Integer localPort,
                          String scheme, String path, Map<String, String> pods, PostgresLogin postgres) {

    public PortForward {
        pods = pods == null ? Map.of() : Map.copyOf(pods);
    }
}

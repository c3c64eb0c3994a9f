package dev.infra.catalog;

/**
 * A named target for {@code infra port-forward NAME}: a Service port and the local port users
 * expect (the seed's habits: pgAdmin on 9002, the MinIO console on 9001).
 *
 * @param path where the UI lives behind the port, e.g. {@code /auth} for Keycloak
 */
public record PortForward(String name, String service, Integer port, Integer localPort,
                          String scheme, String path) {
}

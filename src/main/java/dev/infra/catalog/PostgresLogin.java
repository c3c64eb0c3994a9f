package dev.infra.catalog;

/**
 * Where a database's login lives: a Secret in the component's namespace, and the keys that hold
 * the user, the password and the database name (PGO's {@code user}/{@code password}/{@code dbname},
 * the app chart's {@code POSTGRES_USER}/...).
 */
public record PostgresLogin(String secret, String user, String password, String database) {
}

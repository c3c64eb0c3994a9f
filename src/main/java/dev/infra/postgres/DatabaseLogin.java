package dev.infra.postgres;

import dev.infra.catalog.PostgresLogin;
import dev.infra.errors.NotFoundException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A database login as its Secret holds it. Only {@link #pgpassLine} contains the password;
 * {@link #toString()} and {@link #connectionLine} never do.
 */
public final class DatabaseLogin {
    private final String user;
    private final String password;
    private final String database;
    private final String secret;
    private final String namespace;
    private final String passwordKey;

    DatabaseLogin(String user, String password, String database, String secret, String namespace, String passwordKey) {
        this.user = user;
        this.password = password;
        this.database = database;
        this.secret = secret;
        this.namespace = namespace;
        this.passwordKey = passwordKey;
    }

    public static DatabaseLogin read(KubernetesClient client, String namespace, PostgresLogin login) {
        Secret secret = client.secrets().inNamespace(namespace).withName(login.secret()).get();
        if (secret == null) {
            throw new NotFoundException("secret " + namespace + "/" + login.secret() + " does not exist yet: is the database installed and ready?");
        }
        return new DatabaseLogin(value(secret, login.user()), value(secret, login.password()), value(secret, login.database()),
                login.secret(), namespace, login.password());
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    /** What to connect with, and the command that prints the password, never the password itself. */
    public String connectionLine(String host, int port) {
        return "psql \"host=" + host + " port=" + port + " user=" + user + " dbname=" + database + "\""
                + "  (password: infra secret get " + secret + " -n " + namespace + " --key " + passwordKey + ")";
    }

    /** The line of a pgpass file that gives the password for exactly this host, port, database and user. */
    String pgpassLine(String host, int port) {
        return String.join(":", escape(host), Integer.toString(port), escape(database), escape(user), escape(password));
    }

    // pgpass: a backslash escapes ':' and '\' inside a field
    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static String value(Secret secret, String key) {
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        if (encoded == null) {
            throw new NotFoundException("secret " + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName() + " has no key " + key);
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return user + "@" + database + " (password in secret " + namespace + "/" + secret + ")";
    }
}

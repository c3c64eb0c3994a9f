package dev.infra.errors;

/** The user's input is wrong: a flag, a name, a catalog, profile or {@code infra.yaml} file. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.infra.output;

/** Output formats, named as users type them after {@code -o}. */
public enum Format {
    table, json, yaml
}

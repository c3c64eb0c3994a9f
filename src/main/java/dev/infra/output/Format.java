package dev.infra.output;

/**
 * Output formats, named as users type them after {@code -o}. {@code env} and {@code raw} are
 * for values (of a secret) that go into a shell.
 */
public enum Format {
    table, json, yaml, env, raw
}

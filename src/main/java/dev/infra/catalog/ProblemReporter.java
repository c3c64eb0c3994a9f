package dev.infra.catalog;

import dev.infra.errors.ConfigException;

/** Turns a problem with one field of one component into an error that names where it was set. */
@FunctionalInterface
interface ProblemReporter {
    ConfigException at(String component, String field, String message);
}

package dev.infra.catalog;

/**
 * How {@code infra status} judges resources a component manages but does not install itself,
 * such as Argo CD's Applications: every resource of this kind in the component's namespace is
 * healthy when the field at {@code field} (a dotted path) equals {@code value}.
 */
public record HealthRule(String kind, String apiVersion, String field, String value) {
}

package dev.infra.catalog;

import dev.infra.readiness.ReadinessCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.infra.errors.Suggestions;

/** Checks what the YAML shape alone cannot: references between components and required fields. */
final class CatalogValidator {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{secret:([^/}]+)/([^}]+)}");

    private final ProblemReporter problems;

    CatalogValidator(ProblemReporter problems) {
        this.problems = problems;
    }

    void validate(List<Component> components) {
        var names = components.stream().map(Component::name).toList();
        Map<String, SecretSpec> secrets = new HashMap<>();
        components.forEach(c -> c.secrets().forEach(s -> secrets.put(s.name(), s)));
        for (Component c : components) {
            String name = c.name();
            require(DNS_LABEL.matcher(name).matches(), name, "name", "a name must be a DNS label (lower case, digits, '-')");
            require(c.namespace() != null, name, "", "a component needs a namespace");
            require(c.source() != null, name, "", "a component needs a source");
            c.source().problems().forEach(p -> { throw problems.at(name, "source", p); });
            for (String need : c.needs()) {
                require(names.contains(need), name, "needs", () -> Suggestions.unknown("component", need, names));
                require(!need.equals(name), name, "needs", "a component cannot need itself");
            }
            c.secrets().forEach(s -> require(s.name() != null && !s.keys().isEmpty(), name, "secrets",
                    "each secret needs a name and at least one key"));
            c.portForwards().forEach(p -> require(p.name() != null && p.service() != null && p.port() != null,
                    name, "portForwards", "each port-forward needs name, service and port"));
            c.portForwards().stream().filter(p -> p.postgres() != null).forEach(p -> checkPostgres(name, p.postgres(), secrets));
            c.readiness().forEach(r -> checkReadiness(name, r));
            c.health().forEach(h -> require(h.kind() != null && h.apiVersion() != null && h.field() != null && h.value() != null,
                    name, "health", "each health rule needs kind, apiVersion, field and value"));
            checkSecretReferences(name, c.values().toString(), secrets);
        }
    }

    private void checkReadiness(String component, ReadinessCheck check) {
        require(check.kind() != null && check.name() != null, component, "readiness",
                "each readiness check needs kind and name");
        if (check.isCustomResource()) {
            require(check.apiVersion() != null && check.condition() != null, component, "readiness",
                    check.kind() + " '" + check.name() + "' is a custom resource: it needs apiVersion and condition");
        }
    }

    private void checkSecretReferences(String component, String values, Map<String, SecretSpec> secrets) {
        Matcher m = SECRET_REFERENCE.matcher(values);
        while (m.find()) {
            SecretSpec secret = secrets.get(m.group(1));
            require(secret != null, component, "values", () -> Suggestions.unknown("secret", m.group(1), secrets.keySet()));
            require(secret.keys().contains(m.group(2)), component, "values",
                    "secret '" + secret.name() + "' has no key '" + m.group(2) + "' (keys: " + String.join(", ", secret.keys()) + ")");
        }
    }

    private void checkPostgres(String component, PostgresLogin login, Map<String, SecretSpec> secrets) {
        SecretSpec secret = secrets.get(login.secret());
        require(secret != null, component, "portForwards",
                () -> Suggestions.unknown("secret", String.valueOf(login.secret()), secrets.keySet()));
        for (String key : java.util.Arrays.asList(login.user(), login.password(), login.database())) {
            require(key != null && secret.keys().contains(key), component, "portForwards",
                    "postgres login: secret '" + secret.name() + "' has no key '" + key + "' (keys: " + String.join(", ", secret.keys()) + ")");
        }
    }

    private void require(boolean ok, String component, String field, String message) {
        if (!ok) throw problems.at(component, field, message);
    }

    /** For messages that take work to make (the closest of all names): made only when needed. */
    private void require(boolean ok, String component, String field, Supplier<String> message) {
        if (!ok) throw problems.at(component, field, message.get());
    }

}

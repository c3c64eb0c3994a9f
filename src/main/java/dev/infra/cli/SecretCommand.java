package dev.infra.cli;

import dev.infra.kube.KnownSecret;
import dev.infra.kube.SecretReader;
import dev.infra.kube.SecretReader.SecretValues;
import dev.infra.kube.SessionAhead;
import dev.infra.output.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "secret", description = "Read the platform's secrets (passwords, tokens), decoded.",
        subcommands = {SecretCommand.Get.class, SecretCommand.ListSecrets.class})
final class SecretCommand {
    @ParentCommand
    InfraCommand infra;

    @Command(name = "get", description = {
            "Print a secret's decoded values. Secrets the catalog knows need no namespace.",
            "  infra secret get pgadmin-secret",
            "  PGPASS=$(infra secret get pgadmin-secret --key password-key)",
            "  eval \"$(infra secret get db-credentials -o env)\""})
    static final class Get implements Callable<Integer> {
        @ParentCommand
        SecretCommand parent;

        @Mixin
        CatalogOptions catalog;

        @Parameters(paramLabel = "NAME", description = "The secret's name.")
        String name;

        @Option(names = "--key", paramLabel = "KEY", description = "Print only this key's value, nothing else.")
        String key;

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the catalog's).")
        String namespace;

        @Override
        public Integer call() {
            var infra = parent.infra;
            try (var ahead = SessionAhead.open(infra.global.kubeTarget())) {
                var platform = catalog.platform();
                // one request, no probe before it: the GET itself tells an unreachable API server apart
                try (var session = ahead.session(infra.kubeTarget(platform))) {
                    return print(session.reach(() -> new SecretReader(session.client(), platform).read(name, namespace)));
                }
            }
        }

        private int print(SecretValues secret) {
            var infra = parent.infra;
            PrintWriter out = infra.spec.commandLine().getOut();
            if (key != null) {
                String value = secret.data().get(key);
                if (value == null) {
                    throw new dev.infra.errors.ConfigException(dev.infra.errors.Suggestions.unknown(
                            "key", key, List.copyOf(secret.data().keySet())) + " in secret " + secret.namespace() + "/" + name);
                }
                // like jsonpath | base64 -d: the bare value, so $(...) and > file get exactly it
                out.print(value);
                if (infra.global.terminal()) out.println();
                out.flush();
                return 0;
            }
            switch (infra.global.output()) {
                case env -> secret.data().forEach((k, v) -> out.println(envName(k) + "=" + shellQuote(v)));
                case raw -> secret.data().values().forEach(out::println);
                default -> {
                    var table = Table.of("KEY", "VALUE");
                    secret.data().forEach(table::row);
                    infra.printer().print(secret, table, secret.login() == null ? null : "login: " + secret.login());
                }
            }
            out.flush();
            return 0;
        }

        static String envName(String key) {
            return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        }

        static String shellQuote(String value) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
    }

    @Command(name = "list", description = "List the secrets the catalog knows: namespace, keys, who makes them. Never values.")
    static final class ListSecrets implements Callable<Integer> {
        @ParentCommand
        SecretCommand parent;

        @Mixin
        CatalogOptions catalog;

        record Row(String name, String namespace, List<String> keys, String component, boolean generated,
                   String login, String description) {
        }

        @Override
        public Integer call() {
            var rows = KnownSecret.all(catalog.platform()).stream().map(k -> new Row(k.name(), k.namespace(), k.spec().keys(),
                    k.component().name(), k.spec().generated(), k.spec().login(), k.spec().description())).toList();
            var table = Table.of("NAME", "NAMESPACE", "KEYS", "COMPONENT", "DESCRIPTION");
            rows.forEach(r -> table.row(r.name(), r.namespace(), String.join(",", r.keys()), r.component(), r.description()));
            parent.infra.printer().print(rows, table, null);
            return 0;
        }
    }
}

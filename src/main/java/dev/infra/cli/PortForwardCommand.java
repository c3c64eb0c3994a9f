package dev.infra.cli;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.PortForward;
import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import dev.infra.kube.Kube;
import dev.infra.kube.PortForwarder;
import dev.infra.kube.PortForwarder.Target;
import dev.infra.postgres.DatabaseLogin;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

@Command(name = "port-forward", description = {
        "Forward local ports to the platform's UIs, reconnecting when pods restart.",
        "Targets are catalog names (pgadmin, minio-console, grafana, prometheus, dashboard, keycloak,",
        "keycloak-db, app-database, ...), optionally with :LOCALPORT, or svc/NAME:PORT with -n.",
        "For a database it prints the connection line (the password as the command that prints it).",
        "  infra port-forward pgadmin minio-console",
        "  infra port-forward grafana:3001 svc/redis-master:6379 -n infra"})
final class PortForwardCommand implements Callable<Integer> {
    private static final Pattern SERVICE = Pattern.compile("svc/([a-z0-9.-]+):(\\d+)(?::(\\d+))?");
    private static final Pattern NAMED = Pattern.compile("([a-z0-9-]+)(?::(\\d+))?");

    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "TARGET", arity = "1..*")
    List<String> targets;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace of svc/ targets (default: default).")
    String namespace = "default";

    @Option(names = "--address", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Local address (default: ${DEFAULT-VALUE}).")
    String address;

    @Override
    public Integer call() throws InterruptedException {
        var platform = catalog.platform();
        var resolved = targets.stream().map(t -> parse(platform, t, namespace)).toList();
        InetAddress local = localAddress();
        var out = infra.spec.commandLine().getOut();
        var stop = new CountDownLatch(1);
        try (var session = Kube.connect(infra.kubeTarget(platform));
             var forwarder = new PortForwarder(session.client(), local, line -> { out.println(line); out.flush(); })) {
            resolved.forEach(forwarder::start);
            connectionLines(platform, session.client(), resolved, local).forEach(out::println);
            Signal.handle(new Signal("INT"), signal -> stop.countDown());
            Signal.handle(new Signal("TERM"), signal -> stop.countDown());
            out.println("Ctrl-C to stop");
            out.flush();
            stop.await();
        }
        return 0;
    }

    /** A catalog target (with an optional local port), or svc/NAME:PORT[:LOCALPORT] in {@code namespace}. */
    static Target parse(Platform platform, String text, String namespace) {
        Matcher svc = SERVICE.matcher(text);
        if (svc.matches()) {
            int port = Integer.parseInt(svc.group(2));
            int localPort = svc.group(3) == null ? port : Integer.parseInt(svc.group(3));
            return new Target(text, namespace, svc.group(1), port, localPort, null, null, Map.of());
        }
        Matcher named = NAMED.matcher(text);
        if (!named.matches()) throw new ConfigException("'" + text + "' is not a target: use a catalog name[:LOCALPORT] or svc/NAME:PORT[:LOCALPORT]");
        var found = named(platform, named.group(1), "port-forward target", p -> true);
        var p = found.forward();
        int localPort = named.group(2) != null ? Integer.parseInt(named.group(2)) : p.localPort() != null ? p.localPort() : p.port();
        return target(found, localPort);
    }

    /** A catalog port-forward and the component that declares it. */
    record Named(Component component, PortForward forward) {
    }

    /** The catalog port-forward called {@code name} among those {@code kind} accepts; suggests the closest otherwise. */
    static Named named(Platform platform, String name, String what, Predicate<PortForward> kind) {
        var all = platform.components().stream()
                .flatMap(c -> c.portForwards().stream().filter(kind).map(p -> new Named(c, p))).toList();
        return all.stream().filter(n -> n.forward().name().equals(name)).findFirst().orElseThrow(() ->
                new ConfigException(Suggestions.unknown(what, name, all.stream().map(n -> n.forward().name()).toList())));
    }

    static Target target(Named named, int localPort) {
        var p = named.forward();
        return new Target(p.name(), named.component().namespace(), p.service(), p.port(), localPort, p.scheme(), p.path(), p.pods());
    }

    /** For a database: how to connect through the forward; the password only as the command that prints it. */
    private static List<String> connectionLines(Platform platform, KubernetesClient client, List<Target> targets, InetAddress local) {
        var lines = new ArrayList<String>();
        for (Target t : targets) {
            platform.components().stream().flatMap(c -> c.portForwards().stream())
                    .filter(p -> p.name().equals(t.name()) && p.postgres() != null).findFirst()
                    .ifPresent(p -> lines.add(t.name() + ": " + DatabaseLogin.read(client, t.namespace(), p.postgres())
                            .connectionLine(local.getHostAddress(), t.localPort())));
        }
        return lines;
    }

    private InetAddress localAddress() {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ConfigException("--address " + address + " is not a local address", e);
        }
    }
}

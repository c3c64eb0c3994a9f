package dev.infra.cli;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.catalog.PortForward;
import dev.infra.errors.ConfigException;
import dev.infra.errors.Suggestions;
import dev.infra.kube.Kube;
import dev.infra.kube.PortForwarder;
import dev.infra.kube.PortForwarder.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

@Command(name = "port-forward", description = {
        "Forward local ports to the platform's UIs, reconnecting when pods restart.",
        "Targets are catalog names (pgadmin, minio-console, grafana, prometheus, dashboard, keycloak, ...),",
        "optionally with :LOCALPORT, or svc/NAME:PORT with -n.",
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
        try (var session = Kube.connect(infra.global.kubeTarget());
             var forwarder = new PortForwarder(session.client(), local, line -> { out.println(line); out.flush(); })) {
            resolved.forEach(forwarder::start);
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
            return new Target(text, namespace, svc.group(1), port, localPort, null, null);
        }
        Matcher named = NAMED.matcher(text);
        if (!named.matches()) throw new ConfigException("'" + text + "' is not a target: use a catalog name[:LOCALPORT] or svc/NAME:PORT[:LOCALPORT]");
        for (Component c : platform.components()) {
            for (PortForward p : c.portForwards()) {
                if (p.name().equals(named.group(1))) {
                    int localPort = named.group(2) != null ? Integer.parseInt(named.group(2)) : p.localPort() != null ? p.localPort() : p.port();
                    return new Target(p.name(), c.namespace(), p.service(), p.port(), localPort, p.scheme(), p.path());
                }
            }
        }
        var names = platform.components().stream().flatMap(c -> c.portForwards().stream()).map(PortForward::name).toList();
        throw new ConfigException(Suggestions.unknown("port-forward target", named.group(1), names));
    }

    private InetAddress localAddress() {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ConfigException("--address " + address + " is not a local address", e);
        }
    }
}

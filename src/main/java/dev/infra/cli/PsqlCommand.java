package dev.infra.cli;

import dev.infra.kube.Kube;
import dev.infra.kube.PortForwarder;
import dev.infra.postgres.DatabaseLogin;
import dev.infra.postgres.Psql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

@Command(name = "psql", description = {
        "Open psql on one of the platform's databases as its user, through a port-forward.",
        "The password goes from the database's Secret to psql in a private pgpass file, never on a",
        "command line or in an environment. Without a terminal, psql reads stdin or runs -c.",
        "  infra psql keycloak-db",
        "  infra psql app-database -- -c 'select count(*) from posts'"})
final class PsqlCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "DATABASE", description = "A database of the catalog (keycloak-db, app-database).")
    String name;

    @Parameters(index = "1..*", paramLabel = "PSQL_ARG", description = "Passed on to psql (after --).")
    List<String> psqlArgs = List.of();

    @Override
    public Integer call() throws InterruptedException {
        var platform = catalog.platform();
        var database = PortForwardCommand.named(platform, name, "database", p -> p.postgres() != null);
        Psql psql = Psql.find(System.getenv());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        var err = infra.spec.commandLine().getErr();
        try (var session = Kube.connect(infra.kubeTarget(platform));
             var forwarder = new PortForwarder(session.client(), loopback, line -> { err.println(line); err.flush(); })) {
            var login = DatabaseLogin.read(session.client(), database.component().namespace(), database.forward().postgres());
            var target = PortForwardCommand.target(database, freePort(loopback));
            forwarder.start(target);
            // Ctrl-C belongs to psql (it cancels the running query); infra keeps the forward open
            Signal.handle(new Signal("INT"), signal -> { });
            return psql.run(loopback.getHostAddress(), target.localPort(), login, psqlArgs);
        }
    }

    private static int freePort(InetAddress address) {
        try (var socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}

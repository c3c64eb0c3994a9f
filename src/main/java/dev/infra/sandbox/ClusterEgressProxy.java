package dev.infra.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the local API server's calls into the cluster network go: webhooks, aggregated APIs and
 * kubelets (its egress selector's {@code cluster} connection, see {@link LocalCluster}). There is
 * no cluster network on this machine, so a Service's address or name would otherwise be dialled
 * through the machine's own routes and name resolution and reach whatever answers outside. This
 * HTTP CONNECT proxy on a UNIX socket connects only to addresses of this machine (kwok's
 * kubelets listen there) and refuses every other target without resolving or dialling it.
 */
public final class ClusterEgressProxy implements AutoCloseable {
    private static final Pattern CONNECT = Pattern.compile("CONNECT (\\S+):(\\d+) HTTP/1\\.[01]");
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F:]+]?");

    private final Path socket;
    private final ServerSocketChannel server;

    private ClusterEgressProxy(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /** Listens on {@code socket} (replacing a stale one) until closed. */
    public static ClusterEgressProxy start(Path socket) {
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            var proxy = new ClusterEgressProxy(socket, server);
            daemon("cluster-egress", proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + socket, e);
        }
    }

    /**
     * The address of a CONNECT target if it is one of this machine's; names other than localhost
     * are refused without being resolved.
     */
    static Optional<InetAddress> onThisMachine(String host) {
        if (!IP_LITERAL.matcher(host).matches() && !"localhost".equals(host)) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.getByName(host.replaceAll("[\\[\\]]", ""));
            boolean local = address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
            return local ? Optional.of(address) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                daemon("cluster-egress-connection", () -> serve(client)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(SocketChannel client) {
        try (client) {
            Matcher request = CONNECT.matcher(readHead(client).lines().findFirst().orElse(""));
            if (!request.lookingAt()) {
                reply(client, "400 the sandbox's cluster egress only takes CONNECT");
                return;
            }
            Optional<InetAddress> address = onThisMachine(request.group(1));
            if (address.isEmpty()) {
                reply(client, "403 " + request.group(1) + " is not on this machine: the sandbox has no cluster network");
                return;
            }
            int port = Integer.parseInt(request.group(2));
            try (SocketChannel target = SocketChannel.open(new InetSocketAddress(address.get(), port))) {
                reply(client, "200 Connection established");
                // SocketChannel reads and writes may run in two threads at once; Channels' streams may not
                Thread upstream = daemon("cluster-egress-up", () -> copy(client, target));
                upstream.start();
                copy(target, client);
                upstream.join();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the API server sees the connection end and reports it
        }
    }

    /** The request line and headers, up to the empty line; nothing of the tunnelled bytes. */
    private static String readHead(SocketChannel in) throws IOException {
        var head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < 8192 && in.read(one.clear()) > 0) {
            byte b = one.get(0);
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(SocketChannel out, String status) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(("HTTP/1.1 " + status + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Copies until {@code from} ends, then ends {@code to}'s output so the other side sees it. */
    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer.clear()) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + socket, e);
        }
    }
}

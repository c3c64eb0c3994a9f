package dev.infra.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterEgressProxyTest {
    @TempDir
    Path dir;

    @Test
    void aServiceAddressOrNameIsRefusedWithoutLeavingTheMachine() throws IOException {
        try (var proxy = ClusterEgressProxy.start(dir.resolve("egress.sock"))) {
            assertTrue(exchange("CONNECT 10.96.0.10:443 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").startsWith("HTTP/1.1 403 "));
            String byName = exchange("CONNECT cert-manager-webhook.cert-manager.svc:443 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertTrue(byName.startsWith("HTTP/1.1 403 cert-manager-webhook.cert-manager.svc is not on this machine"), byName);
        }
    }

    @Test
    void anAddressOfThisMachineIsTunnelled() throws IOException {
        try (var proxy = ClusterEgressProxy.start(dir.resolve("egress.sock"));
                var kubelet = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (var connection = kubelet.accept()) {
                    connection.getOutputStream().write("pong".getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the test fails on what it reads
                }
            });
            server.start();
            String reply = exchange("CONNECT 127.0.0.1:" + kubelet.getLocalPort() + " HTTP/1.1\r\n\r\n");
            assertEquals("HTTP/1.1 200 Connection established\r\n\r\npong", reply);
        }
    }

    private String exchange(String request) throws IOException {
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dir.resolve("egress.sock")));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
            var all = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (channel.read(buffer.clear()) >= 0) {
                all.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        }
    }
}

package dev.infra.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A local TCP server for port-forward tests: answers each line {@code x} with {@code pong x}. */
public final class PingServer {
    private PingServer() {
    }

    /** Serves {@code server} on a daemon thread until the server is closed. */
    public static void start(ServerSocket server) {
        Thread thread = new Thread(() -> answer(server), "ping-server");
        thread.setDaemon(true);
        thread.start();
    }

    private static void answer(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept();
                 var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                 var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                if (line != null) out.println("pong " + line);
            } catch (IOException e) {
                if (!server.isClosed()) throw new UncheckedIOException(e);
            }
        }
    }
}

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

    /** Sends a line to {@code port} until an answer comes back (kwok's forwards start asynchronously). */
    public static String exchange(int port, String message) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(3000);
                socket.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
                String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (answer != null) return answer;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new AssertionError("no answer through the forward", e);
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no answer through the forward");
            Thread.sleep(300);
        }
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

package dev.infra.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP addresses on which processes listen, read from Linux's /proc as {@code ss -ltnp}
 * would show them: each process's socket inodes matched with the LISTEN rows of /proc/net/tcp*.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** "ADDRESS:PORT" of each listening socket of the processes whose command line contains {@code marker}. */
    static Set<String> ofProcessesMentioning(String marker) {
        Set<String> inodes = new TreeSet<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> read(p.resolve("cmdline")).contains(marker))
                    .forEach(p -> inodes.addAll(socketInodes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> addresses = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String row : read(Path.of(table)).lines().skip(1).toList()) {
                String[] f = row.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) addresses.add(address(f[1]));
            }
        }
        return addresses;
    }

    private static List<String> socketInodes(Path process) {
        var inodes = new ArrayList<String>();
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    // the descriptor closed while we looked
                }
            }
        } catch (IOException gone) {
            // the process ended while we looked
        }
        return inodes;
    }

    /** "0100007F:0CEA" -> "127.0.0.1:3306"; IPv6 in brackets, as its hex words but for "::" and "::1". */
    static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String ip = parts[0];
        if (ip.length() == 8) {
            return Integer.parseInt(ip.substring(6, 8), 16) + "." + Integer.parseInt(ip.substring(4, 6), 16) + "."
                    + Integer.parseInt(ip.substring(2, 4), 16) + "." + Integer.parseInt(ip.substring(0, 2), 16) + ":" + port;
        }
        return "[" + (ip.matches("0+") ? "::" : ip.equals("00000000000000000000000001000000") ? "::1" : ip) + "]:" + port;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fingerprint of everything that shapes what a component installs (chart and version, the
 * files of a local chart, values, manifests): equal digests mean a rerun has nothing to do.
 */
final class Digest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Digest() {
    }

    static String of(Component component, String manifests, Path home) {
        MessageDigest sha = sha256();
        update(sha, component.source().display());
        update(sha, component.release() + "/" + component.namespace());
        update(sha, JSON.writeValueAsString(component.values()));
        if (manifests != null) update(sha, manifests);
        if (component.source().kind() == Source.Kind.LOCAL_CHART) chartFiles(sha, home.resolve(component.source().path()));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void chartFiles(MessageDigest sha, Path chart) {
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(sha, chart.relativize(file).toString());
                sha.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + chart, e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

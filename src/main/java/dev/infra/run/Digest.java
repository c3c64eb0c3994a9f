package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.ChartRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fingerprint of everything that shapes what a component installs (its source, the bytes of a
 * chart on this machine, the values as helm gets them, manifests): equal digests mean a rerun has
 * nothing to do. Values are hashed after secret references were resolved, so a rotated secret
 * changes the digest; only the SHA-256 is stored, never the values.
 */
final class Digest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Digest() {
    }

    /**
     * @param values    the values helm gets, secrets resolved
     * @param manifests the manifests' text for a manifests component, else null
     * @param chart     the chart of a chart component, else null
     */
    static String of(Component component, Map<String, Object> values, String manifests, ChartRef chart) {
        MessageDigest sha = sha256();
        update(sha, component.source().display());
        update(sha, component.release() + "/" + component.namespace());
        update(sha, JSON.writeValueAsString(values));
        if (manifests != null) update(sha, manifests);
        if (chart != null && chart.files() != null) files(sha, chart.files());
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The key of what {@code helm template} renders for the capacity check: {@link #of}'s inputs,
     * the chart's arguments (a repository's URL), the component the pods are counted for, and
     * {@code renderer}, what turns them into pods (helm's version and infra's build).
     */
    static String ofRender(Component component, Map<String, Object> values, ChartRef chart, String renderer) {
        MessageDigest sha = sha256();
        update(sha, of(component, values, null, chart));
        update(sha, component.name());
        update(sha, String.join(" ", chart.args()));
        update(sha, renderer);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The bytes of {@code path} (a packaged chart) or of every file under it (a chart directory). */
    private static void files(MessageDigest sha, Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(sha, path.relativize(file).toString());
                sha.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + path, e);
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

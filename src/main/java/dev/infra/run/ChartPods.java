package dev.infra.run;

import dev.infra.capacity.PodSet;
import dev.infra.cache.JsonCache;
import dev.infra.cache.UserCache;
import dev.infra.capacity.RenderedPods;
import dev.infra.catalog.Component;
import dev.infra.helm.ChartRef;
import dev.infra.helm.Helm;
import dev.infra.helm.HelmVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/**
 * The pods a chart component would run, for the capacity check: as {@code helm template}
 * renders the chart, or as an earlier render of the same inputs came to. helm template is a
 * function of the chart, values, release, namespace, infra's flags and helm's version, and
 * starting helm for every chart was most of the time of a rerun that changes nothing.
 */
public final class ChartPods {
    private final Helm helm;
    private final String renderer;
    private final JsonCache<List<PodSet>> cache;

    /** @param cache null to render every time */
    ChartPods(Helm helm, String renderer, JsonCache<List<PodSet>> cache) {
        this.helm = helm;
        this.renderer = renderer;
        this.cache = cache;
    }

    /**
     * Remembered in the user's cache when infra runs from its jar. The pods also depend on infra's
     * code (the flags it passes, what it counts), so entries belong to one build of the jar (its
     * size and time); run from classes (tests, an IDE) there is no build to name, and nothing is kept.
     */
    public static ChartPods of(Helm helm, HelmVersion version) {
        return jarBuild().map(build -> new ChartPods(helm, "helm " + version + ", infra " + build, inUserCache()))
                .orElseGet(() -> new ChartPods(helm, null, null));
    }

    /**
     * What each render came to, in {@code ~/.cache/infra/capacity}: counts and requests only, from
     * values whose secrets are placeholders, so nothing in it is secret.
     */
    static JsonCache<List<PodSet>> inUserCache() {
        return new JsonCache<>(UserCache.dir("capacity"), new TypeReference<>() { });
    }

    /** @param values resolved with placeholders for secrets: they are hashed into a key on disk */
    List<PodSet> of(Component c, ChartRef chart, Map<String, Object> values, ValuesDirectory dir) {
        if (cache == null) return render(c, chart, values, dir);
        String key = Digest.ofRender(c, values, chart, renderer);
        return cache.read(key).orElseGet(() -> {
            var pods = render(c, chart, values, dir);
            cache.write(key, pods);
            return pods;
        });
    }

    private List<PodSet> render(Component c, ChartRef chart, Map<String, Object> values, ValuesDirectory dir) {
        try (var file = ValuesFile.write(dir, values)) {
            return RenderedPods.of(c.name(), helm.template(c.release(), c.namespace(), chart, file.path()));
        }
    }

    private static Optional<String> jarBuild() {
        try {
            Path code = Path.of(ChartPods.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code)) return Optional.empty();
            return Optional.of(Files.size(code) + " bytes of " + Files.getLastModifiedTime(code));
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

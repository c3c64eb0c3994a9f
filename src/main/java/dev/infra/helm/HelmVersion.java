package dev.infra.helm;

import dev.infra.errors.PrerequisiteMissingException;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The version a helm binary reports. infra works with helm 3.18 and newer, helm 4 included;
 * the flags it passes mean the same in both majors.
 */
public record HelmVersion(int major, int minor, int patch) implements Comparable<HelmVersion> {
    public static final HelmVersion MINIMUM = new HelmVersion(3, 18, 0);
    /** What error messages and the README say infra needs. */
    public static final String NEEDED = "helm 3.18+ or 4";

    // "v3.19.5+g1234567" (helm 3 --short), "v4.3.2"; a build without its version set says "v4.3"
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)(?:\\.(\\d+))?\\b.*");

    /** The output of {@code helm version --short}; fails when it names no version or one older than the minimum. */
    static HelmVersion supported(String reported, String binary) {
        var m = VERSION.matcher(reported.strip());
        if (!m.matches()) {
            throw new PrerequisiteMissingException("cannot tell the version of helm ('" + binary + "'), it says '"
                    + reported.strip() + "': infra needs " + NEEDED, null);
        }
        var version = new HelmVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        if (version.compareTo(MINIMUM) < 0) {
            throw new PrerequisiteMissingException("helm " + version + " ('" + binary + "') is too old: infra needs "
                    + NEEDED + " (https://helm.sh/docs/intro/install/)", null);
        }
        return version;
    }

    @Override
    public int compareTo(HelmVersion other) {
        return Comparator.comparingInt(HelmVersion::major).thenComparingInt(HelmVersion::minor)
                .thenComparingInt(HelmVersion::patch).compare(this, other);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}

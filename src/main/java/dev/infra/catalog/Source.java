package dev.infra.catalog;

/**
 * Where a component's resources come from: exactly one of a helm repository, an OCI reference,
 * a chart of this project ({@code charts/...}), a directory of plain manifests, or manifests an
 * upstream publishes at pinned URLs (Keycloak's operator has no chart).
 *
 * @param chart for {@code urls}: the name of the upstream bundle, shown in plans
 * @param why   one line on why this chart and version were chosen (upstream moves, dies, renames)
 */
public record Source(String repo, String oci, String chart, String version, String path,
                     String manifests, java.util.List<String> urls, String why) {

    public enum Kind { HELM_REPO, OCI, LOCAL_CHART, MANIFESTS, URLS }

    public Kind kind() {
        if (repo != null) return Kind.HELM_REPO;
        if (oci != null) return Kind.OCI;
        if (path != null) return Kind.LOCAL_CHART;
        if (urls != null) return Kind.URLS;
        return Kind.MANIFESTS;
    }

    /** The chart's name as helm knows it; an OCI reference ends with it. */
    public String chartName() {
        return switch (kind()) {
            case HELM_REPO -> chart;
            case OCI -> oci.substring(oci.lastIndexOf('/') + 1);
            case LOCAL_CHART -> path.substring(path.lastIndexOf('/') + 1);
            case MANIFESTS, URLS -> null;
        };
    }

    /** What a person reads in a plan: {@code chart@version}, a local path, or a manifest dir. */
    public String display() {
        return switch (kind()) {
            case HELM_REPO, OCI -> chartName() + "@" + version;
            case LOCAL_CHART -> path;
            case MANIFESTS -> manifests + "/";
            case URLS -> chart + "@" + version;
        };
    }

    /** Problems with this source, worded for a catalog author; empty when it is usable. */
    java.util.List<String> problems() {
        var problems = new java.util.ArrayList<String>();
        int kinds = (repo != null ? 1 : 0) + (oci != null ? 1 : 0) + (path != null ? 1 : 0)
                + (manifests != null ? 1 : 0) + (urls != null ? 1 : 0);
        if (kinds != 1) {
            problems.add("source must have exactly one of repo, oci, path, manifests, urls");
            return problems;
        }
        if ((repo != null || urls != null) && chart == null) problems.add("source needs a chart name");
        if ((repo != null || oci != null || urls != null) && version == null) {
            problems.add("source needs a pinned version (upstream charts change under a floating one)");
        }
        if (oci != null && !oci.startsWith("oci://")) problems.add("source.oci must start with oci://");
        return problems;
    }
}

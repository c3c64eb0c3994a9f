package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.helm.ChartRef;
import dev.infra.plan.Step;

/**
 * Checks, before anything touches the cluster, that every step's chart or manifests can be
 * found, so that a typo in a path fails the run with nothing changed rather than half-way.
 */
public final class Preflight {
    private Preflight() {
    }

    public static void check(InstallRequest request) {
        var manifests = new Manifests(null, request.home(), request.chartSource());
        for (Step step : request.plan().steps()) {
            Component c = step.component();
            switch (c.source().kind()) {
                case HELM_REPO, OCI, LOCAL_CHART -> ChartRef.of(c.source(), request.home(), request.chartSource());
                case MANIFESTS -> manifests.text(c, request.platform().settings());
                // without a chart source they are downloaded at install time
                case URLS -> { if (request.chartSource() != null) manifests.text(c, request.platform().settings()); }
            }
        }
    }
}

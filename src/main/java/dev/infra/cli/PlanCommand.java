package dev.infra.cli;

import dev.infra.catalog.Source;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Planner;
import dev.infra.plan.Step;
import dev.infra.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", description = {
        "Show what 'infra up' would install and in which order, without a cluster.",
        "Steps of one wave can install in parallel; the critical path bounds the total time."})
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call() {
        InstallPlan plan = new Planner().plan(selection.request(catalog.platform()));
        var printer = infra.printer();
        plan.warnings().forEach(w -> infra.spec.commandLine().getErr().println(printer.colors().yellow("warning: ") + w));
        printer.print(PlanDocument.of(plan), table(plan), footer(plan));
        return 0;
    }

    private static Table table(InstallPlan plan) {
        var table = Table.of("WAVE", "COMPONENT", "NAMESPACE", "SOURCE", "NEEDS");
        for (Step step : plan.steps()) {
            var c = step.component();
            table.row(step.wave(), c.name(), c.namespace(), c.source().display(),
                    step.needs().isEmpty() ? "-" : String.join(",", step.needs()));
        }
        return table;
    }

    private static String footer(InstallPlan plan) {
        return "\n" + plan.steps().size() + " components in " + plan.waves() + " waves (profile " + plan.profile() + ")"
                + "\ncritical path: " + String.join(" -> ", plan.criticalPath())
                + " (typically " + plan.criticalPathTime().toSeconds() + "s)";
    }

    /** {@code infra plan -o json}: a stable schema, documented in README.md. */
    record PlanDocument(String apiVersion, String kind, String profile, int waves,
                        CriticalPath criticalPath, List<StepDocument> steps, List<String> warnings) {
        static PlanDocument of(InstallPlan plan) {
            return new PlanDocument("infra/v1", "InstallPlan", plan.profile(), plan.waves(),
                    new CriticalPath(plan.criticalPath(), plan.criticalPathTime().toSeconds()),
                    plan.steps().stream().map(StepDocument::of).toList(), plan.warnings());
        }
    }

    record CriticalPath(List<String> components, long seconds) {
    }

    record StepDocument(int wave, String component, String namespace, String release,
                        SourceDocument source, List<String> needs, List<String> implicitNeeds,
                        List<CheckDocument> readiness) {
        static StepDocument of(Step step) {
            var c = step.component();
            return new StepDocument(step.wave(), c.name(), c.namespace(),
                    c.source().chartName() == null ? null : c.release(),
                    SourceDocument.of(c.source()), step.needs(), step.implicitNeeds(),
                    c.readiness().stream().map(r -> new CheckDocument(r.kind(), r.name(), r.condition())).toList());
        }
    }

    /** One readiness check of the catalog; {@code condition} is null for built-in kinds. */
    record CheckDocument(String kind, String name, String condition) {
    }

    /** {@code type} is helm-repo, oci, local-chart, manifests or urls; absent fields are null. */
    record SourceDocument(String type, String repo, String chart, String version, String ref) {
        static SourceDocument of(Source s) {
            return switch (s.kind()) {
                case HELM_REPO -> new SourceDocument("helm-repo", s.repo(), s.chart(), s.version(), null);
                case OCI -> new SourceDocument("oci", null, s.chartName(), s.version(), s.oci());
                case LOCAL_CHART -> new SourceDocument("local-chart", null, s.chartName(), null, s.path());
                case MANIFESTS -> new SourceDocument("manifests", null, null, null, s.manifests());
                case URLS -> new SourceDocument("urls", null, s.chart(), s.version(), String.join(" ", s.urls()));
            };
        }
    }
}

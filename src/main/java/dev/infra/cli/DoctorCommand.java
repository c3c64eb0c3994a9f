package dev.infra.cli;

import dev.infra.capacity.CapacityReport;
import dev.infra.catalog.Platform;
import dev.infra.errors.ExitCodes;
import dev.infra.kube.Kube;
import dev.infra.kube.KubeSession;
import dev.infra.output.Table;
import dev.infra.plan.PlanRequest;
import dev.infra.plan.Planner;
import dev.infra.run.ChartPods;
import dev.infra.run.InfraHome;
import dev.infra.run.InstallRequest;
import dev.infra.run.PlannedPods;
import dev.infra.run.ValuesDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", description = {
        "Check what 'infra up' needs before it runs.",
        "helm, a reachable cluster, a context the profile accepts, a default storage class and",
        "the profile's ingress class, and room on the nodes for the requests of the profile's pods.",
        "Exits 1 when a check fails."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    InfraCommand infra;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    ChartSourceOption chartSource;

    record Check(String name, String result, String detail) {
        boolean failed() {
            return "fail".equals(result);
        }
    }

    @Override
    public Integer call() {
        var platform = catalog.platform();
        var charts = chartSource.directory();
        var checks = new ArrayList<Check>();
        checks.add(helm());
        try (var session = Kube.connect(infra.kubeTarget(platform))) {
            checks.add(new Check("cluster", "ok", "context " + session.context() + ", Kubernetes "
                    + session.client().getKubernetesVersion().getGitVersion()));
            checks.add(context(platform, session));
            checks.add(storageClass(platform, session));
            checks.add(ingressClass(platform, session));
            checks.add(capacity(platform, session, charts));
        } catch (RuntimeException e) {
            checks.add(new Check("cluster", "fail", e.getMessage()));
        }
        var table = Table.of("CHECK", "RESULT", "DETAIL");
        checks.forEach(c -> table.row(c.name(), c.result(), c.detail()));
        infra.printer().print(checks, table, null);
        return checks.stream().anyMatch(Check::failed) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private Check helm() {
        try {
            var version = infra.helmVersion();
            return new Check("helm", "ok", "helm " + version.major() + " (" + version + ")");
        } catch (RuntimeException e) {
            return new Check("helm", "fail", e.getMessage());
        }
    }

    private Check context(Platform platform, KubeSession session) {
        if (platform.widenedTo(session.context())) {
            return new Check("context", "warn", "only infra.yaml lets production profile " + platform.profile() + " onto "
                    + session.context() + "; up and down ask first (or need --accept-contexts)");
        }
        if (platform.allowsContext(session.context())) return new Check("context", "ok", "profile " + platform.profile() + " accepts " + session.context());
        return new Check("context", infra.global.kubeTarget().contextGivenExplicitly() ? "warn" : "fail",
                "profile " + platform.profile() + " is for " + String.join(", ", platform.contexts()) + ", not " + session.context());
    }

    /** The whole profile's pods against the nodes' free room; components it cannot render are named. */
    private Check capacity(Platform platform, KubeSession session, Path charts) {
        var request = new InstallRequest(platform, new Planner().plan(PlanRequest.all(platform)), InfraHome.path(), charts, 6, false, null);
        var warnings = new ArrayList<String>();
        try (var dir = ValuesDirectory.forThisProcess()) {
            var report = PlannedPods.capacity(request, session.client(), ChartPods.of(infra.helm(session), infra.helmVersion()), dir,
                    warnings::add);
            if (report.isPresent()) warnings.add(0, report.get().message());
            boolean fits = report.map(CapacityReport::fits).orElse(true);
            return new Check("capacity", !fits ? "fail" : report.isPresent() && warnings.size() == 1 ? "ok" : "warn", String.join("; ", warnings));
        } catch (RuntimeException e) {
            return new Check("capacity", "warn", "not checked: " + e.getMessage());
        }
    }

    private static Check storageClass(Platform platform, KubeSession session) {
        String wanted = platform.settings().get("storageClass");
        var classes = session.client().storage().v1().storageClasses().list().getItems();
        List<String> names = classes.stream().map(c -> c.getMetadata().getName()).toList();
        boolean hasDefault = classes.stream().anyMatch(c -> c.getMetadata().getAnnotations() != null
                && "true".equals(c.getMetadata().getAnnotations().get("storageclass.kubernetes.io/is-default-class")));
        if (wanted != null && !names.contains(wanted)) {
            return new Check("storage class", "fail", "no StorageClass '" + wanted + "' (have: " + String.join(", ", names) + ")");
        }
        return new Check("storage class", hasDefault ? "ok" : "warn", (wanted == null ? "" : wanted + " exists; ")
                + (hasDefault ? "a default class is set" : "no default class: claims without a class stay Pending"));
    }

    private static Check ingressClass(Platform platform, KubeSession session) {
        String wanted = platform.settings().get("ingressClass");
        if (wanted == null) return new Check("ingress class", "ok", "the profile sets none");
        boolean exists = session.client().network().v1().ingressClasses().withName(wanted).get() != null;
        String hint = "minikube".equals(platform.profile()) ? " (minikube addons enable ingress)" : " (install an ingress controller)";
        return new Check("ingress class", exists ? "ok" : "fail", exists ? wanted + " exists" : "no IngressClass '" + wanted + "'" + hint);
    }
}

package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.HealthRule;
import dev.infra.kube.InstallState;
import dev.infra.readiness.CheckStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** Reads each component's state from the cluster: release records, readiness, ingress URLs. */
public final class StatusReader {
    private final InstallState state;
    private final ComponentProbe probe;

    public StatusReader(KubernetesClient client) {
        this(InstallState.of(client), ComponentProbe.of(client));
    }

    StatusReader(InstallState state, ComponentProbe probe) {
        this.state = state;
        this.probe = probe;
    }

    public List<ComponentStatus> read(List<Component> components) {
        return components.parallelStream().map(this::read).toList();
    }

    private ComponentStatus read(Component c) {
        var recorded = state.recorded(c.name(), c.namespace());
        boolean isChart = c.source().chartName() != null;
        String status;
        if (isChart) {
            var revisions = state.revisions(c.release(), c.namespace());
            status = revisions.isEmpty() ? "not-installed" : revisions.get(0).status();
        } else {
            status = recorded.isPresent() ? "applied" : "not-installed";
        }
        if ("not-installed".equals(status)) {
            return new ComponentStatus(c.name(), c.namespace(), status, c.source().version(), 0, c.readiness().size(),
                    null, List.of(), List.of(), List.of(), 0);
        }
        var checks = probe.readiness(c);
        var waiting = new ArrayList<>(checks.stream().filter(s -> !s.ready()).map(s -> s.subject() + ": " + s.message()).toList());
        var health = new ArrayList<String>();
        int unhealthy = 0;
        for (HealthRule rule : c.health()) {
            var tally = HealthTally.of(rule, probe.resources(rule, c.namespace()));
            waiting.addAll(tally.waiting());
            unhealthy += tally.unhealthy();
            health.add(tally.summary());
        }
        return new ComponentStatus(c.name(), c.namespace(), status, c.source().version(),
                (int) checks.stream().filter(CheckStatus::ready).count(), checks.size(),
                recorded.map(InstallState.Recorded::installedAt).orElse(null),
                isChart ? IngressUrls.of(c.release(), probe.ingresses(c.namespace())) : List.of(), waiting, health, unhealthy);
    }
}

package dev.infra.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a component is waited for, from what its release rendered (or its manifests applied), the
 * way Helm 4's kstatus wait and Argo CD's health judge a release: every Deployment, StatefulSet,
 * DaemonSet, Job, PersistentVolumeClaim and CRD in it. The catalog's checks only add what no
 * manifest holds: objects someone else makes (declared with {@code createdBy}) and conditions of
 * custom resources.
 */
public final class RenderedChecks {

    /** One object of a release; {@code namespace} null when the manifest leaves it to the release's. */
    public record Rendered(String kind, String name, String namespace) {
    }

    private final List<Rendered> rendered;
    private final String namespace;

    /** @param namespace the component's, for objects and checks that name none */
    public RenderedChecks(List<Rendered> rendered, String namespace) {
        this.rendered = List.copyOf(rendered);
        this.namespace = namespace;
    }

    /** Every rendered object of a kind infra waits for, then those of {@code catalog} that add something. */
    public List<ReadinessCheck> with(List<ReadinessCheck> catalog) {
        var checks = new ArrayList<ReadinessCheck>();
        for (Rendered r : rendered) {
            if (Kinds.of(r.kind()).rendered()) checks.add(ReadinessCheck.of(r.kind(), r.name(), r.namespace()));
        }
        catalog.stream().filter(c -> !waitedForAnyway(c)).forEach(checks::add);
        return checks;
    }

    /** Catalog checks of objects neither rendered nor declared {@code createdBy}: waiting for them would be in vain. */
    public List<String> unknown(List<ReadinessCheck> catalog) {
        return catalog.stream().filter(c -> c.createdBy() == null && !isRendered(c))
                .map(c -> c.kind() + " " + c.name() + " is neither rendered nor declared createdBy (what makes it)").toList();
    }

    /** Catalog checks that add nothing: a rendered object waited for anyway, or one said to be made by someone else that is rendered. */
    public List<String> redundant(List<ReadinessCheck> catalog) {
        var problems = new ArrayList<String>();
        for (ReadinessCheck c : catalog) {
            if (c.createdBy() != null && isRendered(c)) {
                problems.add(c.kind() + " " + c.name() + " is rendered, not created by " + c.createdBy());
            } else if (waitedForAnyway(c)) {
                problems.add(c.kind() + " " + c.name() + " is rendered and waited for without a catalog check");
            }
        }
        return problems;
    }

    private boolean waitedForAnyway(ReadinessCheck c) {
        return Kinds.of(c.kind()).rendered() && isRendered(c);
    }

    private boolean isRendered(ReadinessCheck c) {
        return rendered.stream().anyMatch(r -> r.kind().equals(c.kind()) && r.name().equals(c.name())
                && Objects.equals(Objects.requireNonNullElse(r.namespace(), namespace), c.namespaceOr(namespace)));
    }
}

package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategyBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategyBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Workload states, before and during updates, with the verdict {@code kubectl rollout status}
 * gives for each. The unit tests judge them as built; the cluster test writes each into an API
 * server that no controller touches and asks kubectl itself. Objects carry the defaults the API
 * server would give them (an update strategy, a partition of 0), so that both judge the same.
 */
final class RolloutTable {
    enum Verdict { READY, WAITING, FAILED }

    /**
     * @param generation the object's metadata.generation (the API server counts spec updates from 1)
     * @param noRollout  true when kubectl refuses to follow the rollout (OnDelete) and infra judges
     *                   the pods' readiness instead
     */
    record Row(String name, HasMetadata object, long generation, Verdict verdict, boolean noRollout) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RolloutTable() {
    }

    /** infra's verdict on {@code object}, by the rule of its kind. */
    @SuppressWarnings("unchecked")
    static Verdict infraVerdict(HasMetadata object) {
        var rule = (KindRule<HasMetadata>) Kinds.of(object.getKind());
        return verdict(rule.judge(ReadinessCheck.of(object.getKind(), object.getMetadata().getName(), null), object));
    }

    static Verdict verdict(CheckStatus status) {
        return status.ready() ? Verdict.READY : status.failed() ? Verdict.FAILED : Verdict.WAITING;
    }

    static List<Row> rows() {
        return List.of(
                deployment("deployment without a status yet", 1, null, Verdict.WAITING),
                deployment("deployment whose new spec is not observed yet", 2, deploymentStatus(1, 3, 3, 3, 3), Verdict.WAITING),
                deployment("deployment with 1 of 3 replicas updated", 1, deploymentStatus(1, 3, 1, 3, 3), Verdict.WAITING),
                deployment("deployment with an old replica pending termination", 1, deploymentStatus(1, 4, 3, 4, 4), Verdict.WAITING),
                deployment("deployment with an updated replica not yet available", 1, deploymentStatus(1, 3, 3, 3, 2), Verdict.WAITING),
                deployment("deployment rolled out", 1, deploymentStatus(1, 3, 3, 3, 3), Verdict.READY),
                deployment("deployment surging over its replicas, all updated and available", 1, deploymentStatus(1, 4, 4, 4, 4), Verdict.READY),
                deployment("deployment past its progress deadline", 1, new DeploymentStatusBuilder(deploymentStatus(1, 3, 1, 3, 3))
                        .withConditions(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                                .withReason("ProgressDeadlineExceeded").withMessage("too slow").build()).build(), Verdict.FAILED),
                statefulSet("statefulset without a status yet", 1, 0, null, null, Verdict.WAITING),
                statefulSet("statefulset whose status has no observedGeneration", 1, 0, null,
                        statefulSetStatus(null, 3, 3, 3, "r1", "r1"), Verdict.WAITING),
                statefulSet("statefulset whose new spec is not observed yet", 2, 0, null,
                        statefulSetStatus(1L, 3, 3, 3, "r1", "r1"), Verdict.WAITING),
                statefulSet("statefulset with 2 of 3 pods ready", 1, 0, null, statefulSetStatus(1L, 3, 2, 3, "r1", "r1"), Verdict.WAITING),
                statefulSet("statefulset update whose status has no updatedReplicas", 1, 0, null,
                        statefulSetStatus(1L, 3, 3, null, "r1", "r2"), Verdict.WAITING),
                statefulSet("statefulset update with 1 of 3 pods updated", 1, 0, null,
                        statefulSetStatus(1L, 3, 3, 1, "r1", "r2"), Verdict.WAITING),
                statefulSet("statefulset rolled out", 1, 0, null, statefulSetStatus(1L, 3, 3, 3, "r2", "r2"), Verdict.READY),
                statefulSet("statefulset partitioned at 2 with the one pod above updated", 1, 0, 2,
                        statefulSetStatus(1L, 3, 3, 1, "r1", "r2"), Verdict.READY),
                statefulSet("statefulset partitioned at 1 with 1 of 2 pods above updated", 1, 0, 1,
                        statefulSetStatus(1L, 3, 3, 1, "r1", "r2"), Verdict.WAITING),
                statefulSet("statefulset scaled to zero", 1, -3, null, statefulSetStatus(1L, 0, 0, null, "r1", "r1"), Verdict.READY),
                onDelete(statefulSet("statefulset OnDelete with every pod ready on the old revision", 1, 0, null,
                        statefulSetStatus(1L, 3, 3, 0, "r1", "r2"), Verdict.READY)),
                onDelete(statefulSet("statefulset OnDelete with 2 of 3 pods ready", 1, 0, null,
                        statefulSetStatus(1L, 3, 2, 3, "r1", "r1"), Verdict.WAITING)),
                daemonSet("daemonset without a status yet", 1, null, Verdict.WAITING),
                daemonSet("daemonset whose new spec is not observed yet", 2, daemonSetStatus(1, 3, 3, 3, 3), Verdict.WAITING),
                daemonSet("daemonset with 2 of 3 pods updated", 1, daemonSetStatus(1, 3, 2, 3, 3), Verdict.WAITING),
                daemonSet("daemonset with pods ready but not yet available", 1, daemonSetStatus(1, 3, 3, 3, 2), Verdict.WAITING),
                daemonSet("daemonset rolled out", 1, daemonSetStatus(1, 3, 3, 3, 3), Verdict.READY),
                daemonSet("daemonset on no node", 1, daemonSetStatus(1, 0, 0, 0, 0), Verdict.READY),
                onDelete(daemonSet("daemonset OnDelete with every old pod available", 1, daemonSetStatus(1, 3, 0, 3, 3), Verdict.READY)),
                onDelete(daemonSet("daemonset OnDelete with 2 of 3 pods available", 1, daemonSetStatus(1, 3, 3, 3, 2), Verdict.WAITING)));
    }

    /** The row with its workload updated only when its pods are deleted. */
    private static Row onDelete(Row row) {
        if (row.object() instanceof StatefulSet s) {
            s.getSpec().setUpdateStrategy(new StatefulSetUpdateStrategyBuilder().withType("OnDelete").build());
        }
        if (row.object() instanceof DaemonSet d) {
            d.getSpec().setUpdateStrategy(new DaemonSetUpdateStrategyBuilder().withType("OnDelete").build());
        }
        return new Row(row.name(), row.object(), row.generation(), row.verdict(), true);
    }

    private static Row deployment(String name, long generation, DeploymentStatus status, Verdict verdict) {
        var object = new DeploymentBuilder().withNewMetadata().withName(slug(name)).withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(3).withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build())
                .withTemplate(template("web")).endSpec()
                .withStatus(status).build();
        return new Row(name, object, generation, verdict, false);
    }

    static DeploymentStatus deploymentStatus(long observed, int replicas, int updated, int ready, int available) {
        return new DeploymentStatusBuilder().withObservedGeneration(observed).withReplicas(replicas)
                .withUpdatedReplicas(updated).withReadyReplicas(ready).withAvailableReplicas(available).build();
    }

    /** A StatefulSet of 3 replicas ({@code 3 + replicasDelta}), rolling with {@code partition} (null: 0). */
    private static Row statefulSet(String name, long generation, int replicasDelta, Integer partition,
                                   StatefulSetStatus status, Verdict verdict) {
        var object = new StatefulSetBuilder().withNewMetadata().withName(slug(name)).withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(3 + replicasDelta).withServiceName("db")
                .withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "db").build()).withTemplate(template("db"))
                .withNewUpdateStrategy().withType("RollingUpdate")
                .withRollingUpdate(new RollingUpdateStatefulSetStrategyBuilder().withPartition(partition == null ? 0 : partition).build())
                .endUpdateStrategy().endSpec()
                .withStatus(status).build();
        return new Row(name, object, generation, verdict, false);
    }

    static StatefulSetStatus statefulSetStatus(Long observed, int replicas, int ready, Integer updated,
                                                                                      String current, String update) {
        return new StatefulSetStatusBuilder().withObservedGeneration(observed).withReplicas(replicas).withReadyReplicas(ready)
                .withCurrentReplicas(replicas).withUpdatedReplicas(updated).withAvailableReplicas(ready)
                .withCurrentRevision(current).withUpdateRevision(update).build();
    }

    private static Row daemonSet(String name, long generation,
                                 DaemonSetStatus status, Verdict verdict) {
        var object = new DaemonSetBuilder().withNewMetadata().withName(slug(name)).withGeneration(generation).endMetadata()
                .withNewSpec().withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "agent").build())
                .withTemplate(template("agent")).withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy().endSpec()
                .withStatus(status).build();
        return new Row(name, object, generation, verdict, false);
    }

    static DaemonSetStatus daemonSetStatus(long observed, int desired, int updated, int ready, int available) {
        return new DaemonSetStatusBuilder().withObservedGeneration(observed).withDesiredNumberScheduled(desired)
                .withCurrentNumberScheduled(desired).withUpdatedNumberScheduled(updated).withNumberReady(ready)
                .withNumberAvailable(available).withNumberMisscheduled(0).build();
    }

    private static PodTemplateSpec template(String app) {
        return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("registry.k8s.io/pause:3.10").endContainer().endSpec()
                .build();
    }

    /** A DNS name from a row's description. */
    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.substring(0, Math.min(slug.length(), 60)).replaceAll("-+$", "");
    }
}

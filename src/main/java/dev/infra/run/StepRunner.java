package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.SecretSpec;
import dev.infra.helm.ChartRef;
import dev.infra.helm.Helm;
import dev.infra.kube.InstallState;
import dev.infra.kube.ObjectRef;
import dev.infra.readiness.CheckStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Installs one component: its namespace and generated secrets, then helm or the manifests,
 * then waits until it is ready. Skips all of it when the inputs are unchanged and the component
 * is healthy.
 */
public final class StepRunner implements StepInstaller {
    private final InstallRequest request;
    private final StepCluster cluster;
    private final InstallState state;
    private final Manifests manifests;
    private final GeneratedSecrets secrets;
    private final Progress progress;
    private final SecretMask mask;
    private final Retry retry;
    private final ValuesDirectory valuesDir;
    private final Runnable confirmLockHeld;

    public StepRunner(InstallRequest request, KubernetesClient client, Helm helm, Progress progress, SecretMask mask, Retry retry,
                      ValuesDirectory valuesDir, RunLock lock) {
        this(request, StepCluster.of(client, helm, retry), new Manifests(client, request.home(), request.chartSource()),
                progress, mask, retry, valuesDir, lock::confirmHeld);
    }

    /** @param confirmLockHeld throws unless this run still holds the run lock */
    StepRunner(InstallRequest request, StepCluster cluster, Manifests manifests, Progress progress, SecretMask mask, Retry retry,
               ValuesDirectory valuesDir, Runnable confirmLockHeld) {
        this.request = request;
        this.cluster = cluster;
        this.state = cluster.state();
        this.manifests = manifests;
        this.secrets = new GeneratedSecrets(cluster.secrets(), mask);
        this.progress = progress;
        this.mask = mask;
        this.retry = retry;
        this.valuesDir = valuesDir;
        this.confirmLockHeld = confirmLockHeld;
    }

    @Override
    public StepOutcome install(Component c, BooleanSupplier interrupted) {
        Instant start = Instant.now();
        try {
            cluster.namespaces().accept(c.namespace());
            for (SecretSpec secret : c.secrets()) {
                if (secret.generated()) secrets.ensure(secret, c.namespace(), cluster.namespaces());
            }
            boolean isChart = c.source().chartName() != null;
            String text = isChart ? null : manifests.text(c, request.platform().settings());
            var chart = isChart ? ChartRef.of(c.source(), request.home(), request.chartSource()) : null;
            var values = isChart ? ValuesFile.resolve(c.values(), c.namespace(), cluster.secrets(), mask) : c.values();
            String digest = Digest.of(c, values, text, chart);
            if (!request.force() && unchanged(c, digest, isChart)) {
                return new StepOutcome(c.name(), StepOutcome.Result.UNCHANGED, took(start), "unchanged and ready", null);
            }
            stopIf(interrupted);
            progress.started(c.name(), "installing");
            if (isChart) {
                installChart(c, chart, values);
            } else {
                applyManifests(c, text);
            }
            var checks = cluster.readiness().checks(c, note(c));
            stopIf(interrupted);
            cluster.readiness().await(c.name(), checks, c.namespace(), request.timeoutOf(c));
            state.record(c.name(), c.namespace(), digest, request.platform().profile());
            return new StepOutcome(c.name(), StepOutcome.Result.INSTALLED, took(start), "ready", null);
        } catch (RuntimeException e) {
            return StepOutcome.failed(c.name(), took(start), e, mask);
        }
    }

    /** Records the objects before applying any, so that {@code down} finds those of a partial install too. */
    private void applyManifests(Component c, String text) {
        var objects = manifests.objects(c, text);
        manifests.requireServed(objects, request.platform());
        state.recordObjects(c.name(), c.namespace(), objects.stream().map(ObjectRef::of).toList());
        for (HasMetadata object : objects) {
            retry.run("apply " + object.getKind() + " " + object.getMetadata().getName(),
                    () -> cluster.objects().apply(object), note(c));
        }
    }

    private boolean unchanged(Component c, String digest, boolean isChart) {
        var readiness = cluster.readiness();
        return Rerun.skips(state.recorded(c.name(), c.namespace()), digest,
                () -> !isChart || Rerun.deployed(state.revisions(c.release(), c.namespace())),
                () -> readiness.now(readiness.checks(c, note(c)), c.namespace()).stream().allMatch(CheckStatus::ready));
    }

    private void installChart(Component c, ChartRef chart, java.util.Map<String, Object> values) {
        try (var file = ValuesFile.write(valuesDir, values)) {
            // each attempt repairs first: a helm that failed midway also leaves the release pending
            retry.run("helm upgrade --install " + c.release(), () -> {
                repairInterruptedRelease(c);
                cluster.helm().upgradeInstall(c.release(), c.namespace(), chart, file.path());
            }, note(c));
        }
    }

    /**
     * A run killed during helm, or a helm call that failed midway, leaves the release pending (or
     * half uninstalled), and helm then refuses every upgrade ({@link ReleaseRepair}). Only the holder of the run lock repairs: a pending
     * release of a run still going is not ours to touch.
     */
    private void repairInterruptedRelease(Component c) {
        var revisions = state.revisions(c.release(), c.namespace());
        var repair = ReleaseRepair.of(revisions);
        if (!repair.needed()) return;
        confirmLockHeld.run();
        progress.note(c.name(), "release " + c.release() + " was left " + revisions.get(0).status()
                + " by an interrupted run; " + repair.rollbackTo().map(n -> "rolling back to revision " + n).orElse("removing it"));
        if (repair.rollbackTo().isPresent()) {
            cluster.helm().rollback(c.release(), c.namespace(), repair.rollbackTo().get());
        } else {
            cluster.helm().uninstall(c.release(), c.namespace());
        }
    }

    private static void stopIf(BooleanSupplier interrupted) {
        if (interrupted.getAsBoolean()) throw new CancellationException("interrupted");
    }

    private java.util.function.Consumer<String> note(Component c) {
        // a retry note quotes the failure, which may quote a secret value
        return mask.masking(message -> progress.note(c.name(), message));
    }

    private static Duration took(Instant start) {
        return Duration.between(start, Instant.now());
    }
}

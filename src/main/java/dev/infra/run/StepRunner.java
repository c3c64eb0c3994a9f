package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.SecretSpec;
import dev.infra.helm.ChartRef;
import dev.infra.helm.Helm;
import dev.infra.kube.ClusterSecrets;
import dev.infra.kube.InstallState;
import dev.infra.kube.Namespaces;
import dev.infra.kube.ObjectRef;
import dev.infra.readiness.CheckStatus;
import dev.infra.readiness.ReadinessWaiter;
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
    private final KubernetesClient client;
    private final Helm helm;
    private final Progress progress;
    private final SecretMask mask;
    private final Retry retry;
    private final Namespaces namespaces;
    private final SecretStore secretStore;
    private final GeneratedSecrets secrets;
    private final Manifests manifests;
    private final InstallState state;
    private final ReadinessWaiter waiter;
    private final ComponentChecks checks;
    private final ValuesDirectory valuesDir;
    private final RunLock lock;

    public StepRunner(InstallRequest request, KubernetesClient client, Helm helm, Progress progress, SecretMask mask, Retry retry,
                      ValuesDirectory valuesDir, RunLock lock) {
        this.request = request;
        this.valuesDir = valuesDir;
        this.lock = lock;
        this.client = client;
        this.helm = helm;
        this.progress = progress;
        this.mask = mask;
        this.retry = retry;
        this.namespaces = new Namespaces(client);
        this.secretStore = SecretStore.of(new ClusterSecrets(client));
        this.secrets = new GeneratedSecrets(secretStore, mask);
        this.manifests = new Manifests(client, request.home(), request.chartSource());
        this.state = InstallState.of(client);
        this.waiter = new ReadinessWaiter(client);
        this.checks = new ComponentChecks(client, helm, retry);
    }

    @Override
    public StepOutcome install(Component c, BooleanSupplier interrupted) {
        Instant start = Instant.now();
        try {
            namespaces.ensure(c.namespace());
            for (SecretSpec secret : c.secrets()) {
                if (secret.generated()) secrets.ensure(secret, c.namespace(), namespaces::ensure);
            }
            boolean isChart = c.source().chartName() != null;
            String text = isChart ? null : manifests.text(c, request.platform().settings());
            var chart = isChart ? ChartRef.of(c.source(), request.home(), request.chartSource()) : null;
            var values = isChart ? ValuesFile.resolve(c.values(), c.namespace(), secretStore, mask) : c.values();
            String digest = Digest.of(c, values, text, chart);
            if (!request.force() && unchanged(c, digest, isChart)) {
                return new StepOutcome(c.name(), StepOutcome.Result.UNCHANGED, took(start), "unchanged and ready", null);
            }
            stopIf(interrupted);
            progress.started(c.name(), "installing");
            if (isChart) {
                installChart(c, chart, values);
            } else {
                var objects = manifests.objects(c, text);
                manifests.requireServed(objects, request.platform());
                state.recordObjects(c.name(), c.namespace(), objects.stream().map(ObjectRef::of).toList());
                for (HasMetadata object : objects) {
                    retry.run("apply " + object.getKind() + " " + object.getMetadata().getName(),
                            () -> manifests.apply(object), note(c));
                }
            }
            var readiness = checks.of(c, note(c));
            stopIf(interrupted);
            waiter.await(c.name(), readiness, c.namespace(), request.timeoutOf(c));
            state.record(c.name(), c.namespace(), digest, request.platform().profile());
            return new StepOutcome(c.name(), StepOutcome.Result.INSTALLED, took(start), "ready", null);
        } catch (RuntimeException e) {
            return StepOutcome.failed(c.name(), took(start), e, mask);
        }
    }

    private boolean unchanged(Component c, String digest, boolean isChart) {
        return Rerun.skips(state.recorded(c.name(), c.namespace()), digest,
                () -> !isChart || Rerun.deployed(state.revisions(c.release(), c.namespace())),
                () -> waiter.now(checks.of(c, note(c)), c.namespace()).stream().allMatch(CheckStatus::ready));
    }

    private void installChart(Component c, ChartRef chart, java.util.Map<String, Object> values) {
        try (var file = ValuesFile.write(valuesDir, values)) {
            // each attempt repairs first: a helm that failed midway also leaves the release pending
            retry.run("helm upgrade --install " + c.release(), () -> {
                repairInterruptedRelease(c);
                helm.upgradeInstall(c.release(), c.namespace(), chart, file.path());
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
        lock.confirmHeld();
        progress.note(c.name(), "release " + c.release() + " was left " + revisions.get(0).status()
                + " by an interrupted run; " + repair.rollbackTo().map(n -> "rolling back to revision " + n).orElse("removing it"));
        if (repair.rollbackTo().isPresent()) {
            helm.rollback(c.release(), c.namespace(), repair.rollbackTo().get());
        } else {
            helm.uninstall(c.release(), c.namespace());
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

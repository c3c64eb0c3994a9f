package dev.infra.helm;

import dev.infra.errors.PrerequisiteMissingException;
import dev.infra.kube.KubeTarget;
import dev.infra.run.SecretMask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The helm program, run as a separate process. Values reach it only through files, so secret
 * values never appear in process arguments; output is masked before anyone sees it.
 */
public final class Helm implements Releases {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String binary;
    private final KubeTarget target;
    private final SecretMask mask;
    private final Consumer<String> trace;

    /** {@code binary} is "helm" (found on PATH) or a path; {@code trace} shows commands with -v. */
    public Helm(String binary, KubeTarget target, SecretMask mask, Consumer<String> trace) {
        this.binary = binary;
        this.target = target;
        this.mask = mask;
        this.trace = trace;
    }

    @Override
    public void upgradeInstall(String release, String namespace, ChartRef chart, Path valuesFile) {
        var args = new ArrayList<>(List.of("upgrade", "--install", release));
        args.addAll(chart.args());
        args.addAll(List.of("--namespace", namespace, "--values", valuesFile.toString()));
        // readiness is infra's job (with a diagnosis), not helm's --wait
        run(args);
    }

    /** The objects {@code upgradeInstall} would create, as helm renders them locally (chart tests left out). */
    public String template(String release, String namespace, ChartRef chart, Path valuesFile) {
        var args = new ArrayList<>(List.of("template", release));
        args.addAll(chart.args());
        args.addAll(List.of("--namespace", namespace, "--values", valuesFile.toString(), "--skip-tests"));
        return run(args);
    }

    @Override
    public void uninstall(String release, String namespace) {
        run(List.of("uninstall", release, "--namespace", namespace, "--ignore-not-found"));
    }

    @Override
    public void rollback(String release, String namespace, int revision) {
        run(List.of("rollback", release, String.valueOf(revision), "--namespace", namespace));
    }

    /**
     * What {@link #upgradeInstall} would make the release's manifest now, with nothing changed: a
     * server-side dry run, so that templates see the cluster's API versions and {@code lookup}
     * results as a real upgrade does (a client-side {@code helm template} renders differently for
     * charts that ask). Hooks are left out, as a release's stored manifest leaves them out.
     */
    public String renderUpgrade(String release, String namespace, ChartRef chart, Path valuesFile) {
        var args = new ArrayList<>(List.of("upgrade", release));
        args.addAll(chart.args());
        args.addAll(List.of("--namespace", namespace, "--values", valuesFile.toString(), "--dry-run=server", "--output", "json"));
        return JSON.readTree(run(args)).path("manifest").asString();
    }

    /** helm's version; fails (exit 5) when helm is missing or older than {@link HelmVersion#MINIMUM}. */
    public HelmVersion version() {
        return HelmVersion.supported(run(List.of("version", "--short")), binary);
    }

    private String run(List<String> args) {
        var command = new CommandLine(binary);
        args.forEach(a -> command.addArgument(a, false));
        if (target.kubeconfig() != null) command.addArgument("--kubeconfig").addArgument(target.kubeconfig().toString(), false);
        if (target.context() != null) command.addArgument("--kube-context").addArgument(target.context(), false);
        String shown = mask.apply(String.join(" ", command.toStrings()));
        trace.accept("$ " + shown);

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(TIMEOUT).get());
        executor.setExitValues(null);
        int code;
        try {
            code = executor.execute(command);
        } catch (IOException e) {
            throw new PrerequisiteMissingException("cannot run helm ('" + binary + "'): install " + HelmVersion.NEEDED
                    + " (https://helm.sh/docs/intro/install/; scripts/install.sh --helm builds one) or set INFRA_HELM to its path", e);
        }
        String stderr = mask.apply(err.toString(StandardCharsets.UTF_8));
        if (code != 0) throw new HelmException(shown, code, stderr);
        return out.toString(StandardCharsets.UTF_8);
    }
}

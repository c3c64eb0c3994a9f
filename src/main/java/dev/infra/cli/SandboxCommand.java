package dev.infra.cli;

import dev.infra.errors.ExitCodes;
import dev.infra.kube.Kube;
import dev.infra.kube.KubeTarget;
import dev.infra.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sandbox", description = {
        "A local cluster for trying infra without minikube (workloads are simulated).",
        "kube-apiserver, etcd, controller-manager and scheduler run as processes, with simulated",
        "nodes (kwok): pods become Ready without containers, nothing really runs. Then:",
        "  infra up --profile sandbox [--chart-source DIR]   (starts the sandbox itself when none is up)"},
        subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Status.class,
                SandboxCommand.Kubeconfig.class})
final class SandboxCommand {
    @ParentCommand
    InfraCommand infra;

    @Option(names = "--bin", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The cluster binaries (default: $INFRA_TESTBIN, else built by scripts/testbin.sh, which needs Go).")
    Path bin;

    Path binaries() {
        return SandboxBinaries.find(bin, infra.spec.commandLine().getErr()::println);
    }

    @Command(name = "up", description = "Start the sandbox (a few seconds once the binaries are built).")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        SandboxCommand sandbox;

        @Option(names = "--nodes", defaultValue = "" + StandardSandbox.NODES, description = "Simulated nodes (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Override
        public Integer call() {
            var out = sandbox.infra.spec.commandLine().getOut();
            var box = Sandbox.standard();
            if (box.exists() && !box.running()) {
                box.resume(sandbox.binaries(), line -> sandbox.infra.spec.commandLine().getErr().println(line));
                out.println("sandbox up again; kubeconfig " + box.kubeconfig());
                return ExitCodes.OK;
            }
            if (box.exists()) {
                out.println("the sandbox is already up; kubeconfig " + box.kubeconfig());
                if (box.ensureSimulator()) out.println("its simulator was not running: started it again");
                return ExitCodes.OK;
            }
            var cluster = box.up(sandbox.binaries(), nodes, line -> sandbox.infra.spec.commandLine().getErr().println(line));
            out.printf("sandbox up in %.1fs (workloads are simulated, not run); kubeconfig %s%n  infra up --profile sandbox [--chart-source DIR]%n",
                    cluster.startupTime().toMillis() / 1000.0, box.kubeconfig());
            return ExitCodes.OK;
        }
    }

    @Command(name = "down", description = "Stop the sandbox and remove its state.")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        SandboxCommand sandbox;

        @Override
        public Integer call() {
            var box = Sandbox.standard();
            if (!box.exists()) {
                sandbox.infra.spec.commandLine().getOut().println("no sandbox is up");
                return ExitCodes.OK;
            }
            box.down(sandbox.binaries());
            sandbox.infra.spec.commandLine().getOut().println("sandbox removed");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Whether the sandbox is up, and its nodes. Exits 1 when it is not.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        SandboxCommand sandbox;

        @Override
        public Integer call() {
            var out = sandbox.infra.spec.commandLine().getOut();
            var box = Sandbox.standard();
            if (!box.exists()) {
                out.println("no sandbox (infra sandbox up starts one)");
                return ExitCodes.FAILURE;
            }
            if (!box.running()) {
                out.println("the sandbox is stopped (infra sandbox up starts it again as it was); kubeconfig " + box.kubeconfig());
                return ExitCodes.FAILURE;
            }
            try (var session = Kube.connect(new KubeTarget(box.kubeconfig(), null))) {
                out.println("sandbox up: context " + session.context() + ", " + session.client().nodes().list().getItems().size()
                        + " nodes, Kubernetes " + session.client().getKubernetesVersion().getGitVersion() + ", kubeconfig " + box.kubeconfig());
            }
            out.println("simulated, not run:");
            Sandbox.simulated().forEach(line -> out.println("  " + line));
            if (!box.simulatorRunning()) {
                out.println("the simulator is not running (infra sandbox up starts it again); log " + box.simulatorLog());
                return ExitCodes.FAILURE;
            }
            out.println("simulator running; log " + box.simulatorLog());
            return ExitCodes.OK;
        }
    }

    @Command(name = "kubeconfig", description = "Print the sandbox's kubeconfig path (for export KUBECONFIG=...).")
    static final class Kubeconfig implements Callable<Integer> {
        @ParentCommand
        SandboxCommand sandbox;

        @Override
        public Integer call() {
            sandbox.infra.spec.commandLine().getOut().println(Sandbox.standard().kubeconfig());
            return ExitCodes.OK;
        }
    }
}

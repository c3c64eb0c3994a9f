package dev.infra.sandbox;

import dev.infra.sandbox.operators.OperatorRunner;
import dev.infra.sandbox.operators.SimulatedOperators;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Plays, beside the local control plane, the parts of a real cluster that kwok does not: the
 * cluster network behind the API server ({@link ClusterEgressProxy}) and the operators the
 * catalog relies on ({@link SimulatedOperators}). Tests run it in their JVM; the sandbox runs
 * it as a background process ({@link #main}, see {@link SimulatorProcess}).
 */
public final class ClusterSimulator implements AutoCloseable {
    private final ClusterEgressProxy egress;
    private final KubernetesClient client;
    private final OperatorRunner operators;

    private ClusterSimulator(ClusterEgressProxy egress, KubernetesClient client, OperatorRunner operators) {
        this.egress = egress;
        this.client = client;
        this.operators = operators;
    }

    public static ClusterSimulator start(Path kubeconfig, Path egressSocket, Consumer<String> log) {
        ClusterEgressProxy egress = ClusterEgressProxy.start(egressSocket);
        KubernetesClient client = LocalCluster.client(kubeconfig);
        OperatorRunner operators = new OperatorRunner(client, SimulatedOperators.all(), log);
        operators.start();
        return new ClusterSimulator(egress, client, operators);
    }

    /** {@code ClusterSimulator KUBECONFIG EGRESS_SOCKET}: runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: ClusterSimulator KUBECONFIG EGRESS_SOCKET");
            System.exit(2);
        }
        Consumer<String> log = line -> System.err.println(Instant.now() + " " + line);
        ClusterSimulator simulator = start(Path.of(args[0]), Path.of(args[1]), log);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        log.accept("simulating the cluster network and " + SimulatedOperators.all().size() + " operators");
        new CountDownLatch(1).await();
    }

    @Override
    public void close() {
        operators.close();
        client.close();
        egress.close();
    }
}

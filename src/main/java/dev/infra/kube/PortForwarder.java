package dev.infra.kube;

import dev.infra.errors.ConfigException;
import dev.infra.errors.NotFoundException;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Forwards local ports to Services, like {@code kubectl port-forward svc/...}, but keeps going:
 * when the pod behind a forward goes away or stops being ready, it finds another ready pod of
 * the Service and forwards to it on the same local port.
 */
public final class PortForwarder implements AutoCloseable {
    /**
     * A Service port to forward, and where: {@code url} is what the user opens. With {@code pods}
     * (labels), the pods are found by those labels and {@code port} is theirs.
     */
    public record Target(String name, String namespace, String service, int port, int localPort, String scheme, String path,
                         Map<String, String> pods) {
        public String url(InetAddress address) {
            return (scheme == null ? "tcp" : scheme) + "://" + address.getHostAddress() + ":" + localPort + (path == null ? "" : path);
        }
    }

    private final KubernetesClient client;
    private final InetAddress address;
    private final Consumer<String> events;
    private final List<Thread> supervisors = new ArrayList<>();
    private volatile boolean closed;

    public PortForwarder(KubernetesClient client, InetAddress address, Consumer<String> events) {
        this.client = client;
        this.address = address;
        this.events = events;
    }

    /** Starts forwarding {@code target}; fails at once when the local port is taken or no pod serves it. */
    public void start(Target target) {
        checkFree(target);
        var first = connect(target, resolve(target));
        events.accept(target.name() + ": " + target.url(address) + " -> " + target.namespace() + "/svc/" + target.service()
                + ":" + target.port() + " (pod " + first.pod() + ")");
        Thread supervisor = new Thread(() -> supervise(target, first), "forward-" + target.name());
        supervisor.setDaemon(true);
        supervisor.start();
        supervisors.add(supervisor);
    }

    private record Connection(String pod, LocalPortForward forward) {
    }

    private record Backend(String pod, int containerPort) {
    }

    private void supervise(Target target, Connection connection) {
        Connection current = connection;
        while (!closed) {
            if (broken(target, current)) {
                close(current);
                events.accept(target.name() + ": pod " + current.pod() + " is gone or not ready; reconnecting");
                current = reconnect(target);
                if (current == null) return;
                events.accept(target.name() + ": forwarding to pod " + current.pod() + " again");
            }
        }
        close(current);
    }

    /** Watches the pod for up to a second; true when it went away or the forward failed. */
    private boolean broken(Target target, Connection c) {
        if (c.forward().errorOccurred() || !c.forward().isAlive()) return true;
        try {
            client.pods().inNamespace(target.namespace()).withName(c.pod())
                    .waitUntilCondition(p -> p == null || p.getMetadata().getDeletionTimestamp() != null || !Readiness.isPodReady(p),
                            1, TimeUnit.SECONDS);
            return true;
        } catch (KubernetesClientTimeoutException e) {
            return false;
        }
    }

    private Connection reconnect(Target target) {
        while (!closed) {
            try {
                return connect(target, resolve(target));
            } catch (RuntimeException e) {
                sleepQuietly();
            }
        }
        return null;
    }

    private Connection connect(Target target, Backend backend) {
        var forward = client.pods().inNamespace(target.namespace()).withName(backend.pod())
                .portForward(backend.containerPort(), address, target.localPort());
        return new Connection(backend.pod(), forward);
    }

    /** A ready pod behind the Service, and the container port its target port means. */
    private Backend resolve(Target target) {
        if (!target.pods().isEmpty()) {
            return new Backend(readyPod(target, target.pods(), "labelled " + target.pods()).getMetadata().getName(), target.port());
        }
        Service service = client.services().inNamespace(target.namespace()).withName(target.service()).get();
        if (service == null) throw new NotFoundException("service " + target.namespace() + "/" + target.service() + " does not exist");
        var port = service.getSpec().getPorts().stream().filter(p -> p.getPort() == target.port()).findFirst()
                .orElseThrow(() -> new NotFoundException("service " + target.service() + " has no port " + target.port()));
        var selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) throw new NotFoundException("service " + target.service() + " selects no pods");
        Pod pod = readyPod(target, selector, "behind service " + target.service());
        return new Backend(pod.getMetadata().getName(), containerPort(pod, port.getTargetPort(), target.port()));
    }

    private Pod readyPod(Target target, Map<String, String> labels, String where) {
        return client.pods().inNamespace(target.namespace()).withLabels(labels).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null && Readiness.isPodReady(p))
                .min(Comparator.comparing(p -> p.getMetadata().getName()))
                .orElseThrow(() -> new NotFoundException("no ready pod " + where + " in namespace " + target.namespace()));
    }

    private static int containerPort(Pod pod, IntOrString targetPort, int servicePort) {
        if (targetPort == null) return servicePort;
        if (targetPort.getIntVal() != null) return targetPort.getIntVal();
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> targetPort.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new NotFoundException("pod " + pod.getMetadata().getName() + " has no port named " + targetPort.getStrVal()))
                .getContainerPort();
    }

    private void checkFree(Target target) {
        try (var socket = new ServerSocket(target.localPort(), 1, address)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new ConfigException("local port " + address.getHostAddress() + ":" + target.localPort() + " is in use; pick another with "
                    + target.name() + ":PORT");
        }
    }

    private static void close(Connection c) {
        try {
            c.forward().close();
        } catch (IOException | RuntimeException e) {
            // the forward is being replaced or the user is leaving; nothing to do about it
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        supervisors.forEach(t -> {
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

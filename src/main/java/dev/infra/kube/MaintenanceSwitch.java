package dev.infra.kube;

import dev.infra.errors.NotFoundException;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The site's maintenance switch: the static-assets chart's ingress labelled
 * {@code infra.dev/switch: maintenance}, on when its class is one a controller serves and off
 * when it is a class none serves. Unsetting the class would not do: on minikube nginx is the
 * default class and would serve a class-less ingress (the seed's pitfall).
 */
public final class MaintenanceSwitch {
    static final String LABEL = "infra.dev/switch";
    static final String ON_CLASS = "infra.dev/maintenance-on-class";
    static final String OFF_CLASS = "infra.dev/maintenance-off-class";
    static final String SINCE = "infra.dev/maintenance-since";

    /** Where the switch stands; {@code paths} are what the maintenance page answers while on. */
    public record State(boolean on, String namespace, String ingress, String ingressClass, Instant since,
                        List<String> paths, String message) {
    }

    private final KubernetesClient client;
    private final String namespace;

    public MaintenanceSwitch(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public State status() {
        Ingress ingress = ingress();
        var annotations = ingress.getMetadata().getAnnotations();
        String sinceText = annotations.get(SINCE);
        Instant since = sinceText != null ? Instant.parse(sinceText) : Instant.parse(ingress.getMetadata().getCreationTimestamp());
        var paths = ingress.getSpec().getRules().stream().filter(r -> r.getHttp() != null)
                .flatMap(r -> r.getHttp().getPaths().stream().map(p -> (r.getHost() == null ? "" : r.getHost()) + p.getPath()))
                .toList();
        return new State(Objects.equals(ingress.getSpec().getIngressClassName(), annotations.get(ON_CLASS)), namespace,
                ingress.getMetadata().getName(), ingress.getSpec().getIngressClassName(), since, paths, message());
    }

    /** Turns maintenance on or off; false when it already was. {@code message} (or null) goes on the page. */
    public boolean set(boolean on, String message) {
        if (message != null) setMessage(message);
        Ingress ingress = ingress();
        var annotations = ingress.getMetadata().getAnnotations();
        String wanted = annotations.get(on ? ON_CLASS : OFF_CLASS);
        if (wanted == null) throw new NotFoundException("ingress " + namespace + "/" + ingress.getMetadata().getName()
                + " lacks the annotation " + (on ? ON_CLASS : OFF_CLASS));
        if (wanted.equals(ingress.getSpec().getIngressClassName())) return false;
        client.network().v1().ingresses().inNamespace(namespace).withName(ingress.getMetadata().getName()).edit(i -> {
            i.getSpec().setIngressClassName(wanted);
            i.getMetadata().getAnnotations().put(SINCE, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            return i;
        });
        return true;
    }

    private void setMessage(String message) {
        var maps = client.configMaps().inNamespace(namespace).withLabel(LABEL, "maintenance").list().getItems();
        if (maps.isEmpty()) throw new NotFoundException("no maintenance message ConfigMap in namespace " + namespace + " (is static-assets installed?)");
        client.configMaps().inNamespace(namespace).withName(maps.get(0).getMetadata().getName()).edit(m -> {
            // the page includes the message as HTML
            m.getData().put("message", escapeHtml(message));
            return m;
        });
    }

    private String message() {
        var maps = client.configMaps().inNamespace(namespace).withLabel(LABEL, "maintenance").list().getItems();
        return maps.isEmpty() || maps.get(0).getData() == null ? null : maps.get(0).getData().get("message");
    }

    private Ingress ingress() {
        var ingresses = client.network().v1().ingresses().inNamespace(namespace).withLabel(LABEL, "maintenance").list().getItems();
        if (ingresses.isEmpty()) {
            throw new NotFoundException("no maintenance ingress in namespace " + namespace + " (install static-assets: infra up --only static-assets)");
        }
        if (ingresses.get(0).getMetadata().getAnnotations() == null) ingresses.get(0).getMetadata().setAnnotations(new java.util.HashMap<>());
        return ingresses.get(0);
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

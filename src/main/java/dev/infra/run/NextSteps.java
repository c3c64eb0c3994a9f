package dev.infra.run;

import dev.infra.catalog.Component;
import dev.infra.catalog.PortForward;
import dev.infra.catalog.SecretSpec;
import dev.infra.kube.PortForwarder;
import dev.infra.plan.InstallPlan;
import dev.infra.plan.Step;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to do after {@code up}: per installed component, the URLs its ingresses serve, the
 * {@code infra port-forward} (or {@code infra psql}) commands of its catalog port-forwards, and
 * for each login the catalog names, the {@code infra secret get} that prints its password.
 */
public final class NextSteps {
    private NextSteps() {
    }

    /** The lines for {@code plan}, with the ingress URLs the cluster has for its charts. */
    public static List<String> of(InstallPlan plan, KubernetesClient client) {
        var urls = new LinkedHashMap<String, List<String>>();
        // one list per namespace, not per chart: the profile's charts share a few namespaces
        var ingresses = new HashMap<String, List<Ingress>>();
        for (Step step : plan.steps()) {
            Component c = step.component();
            if (c.source().chartName() == null) continue;
            urls.put(c.name(), IngressUrls.of(c.release(), ingresses.computeIfAbsent(c.namespace(),
                    ns -> client.network().v1().ingresses().inNamespace(ns).list().getItems())));
        }
        return lines(plan.steps().stream().map(Step::component).toList(), urls);
    }

    static List<String> lines(List<Component> components, Map<String, List<String>> ingressUrls) {
        var lines = new ArrayList<String>();
        for (Component c : components) {
            var steps = new ArrayList<String>(ingressUrls.getOrDefault(c.name(), List.of()));
            c.portForwards().forEach(p -> steps.addAll(reach(c, p)));
            c.secrets().stream().filter(s -> s.login() != null).forEach(s -> steps.add(password(s) + "   (login " + s.login() + ")"));
            if (steps.isEmpty()) continue;
            lines.add("  " + c.name());
            steps.forEach(s -> lines.add("    " + s));
        }
        if (!lines.isEmpty()) lines.add(0, "Next:");
        return lines;
    }

    private static List<String> reach(Component c, PortForward p) {
        var target = new PortForwarder.Target(p.name(), c.namespace(), p.service(), p.port(), p.localPort(), p.scheme(), p.path(), p.pods());
        String forward = "infra port-forward " + p.name() + "   " + target.url(InetAddress.getLoopbackAddress());
        return p.postgres() == null ? List.of(forward) : List.of(forward, "infra psql " + p.name());
    }

    /** The command that prints the password: {@code --key} when one key is not the fixed user name. */
    private static String password(SecretSpec s) {
        var keys = s.keys().stream().filter(k -> !s.fixed().containsKey(k)).toList();
        String key = keys.size() == 1 ? keys.get(0) : keys.contains("password") ? "password" : null;
        return "infra secret get " + s.name() + (key == null ? "" : " --key " + key);
    }
}

package dev.infra.run;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;

/** The http(s) URLs a release's ingresses serve, for {@code infra status}. */
final class IngressUrls {
    private IngressUrls() {
    }

    /** Host and path of every rule of the ingresses helm installed for {@code release}; https when they have TLS. */
    static List<String> of(String release, List<Ingress> ingresses) {
        var urls = new ArrayList<String>();
        for (Ingress ingress : ingresses) {
            var annotations = ingress.getMetadata().getAnnotations();
            if (annotations == null || !release.equals(annotations.get("meta.helm.sh/release-name"))) continue;
            boolean tls = ingress.getSpec().getTls() != null && !ingress.getSpec().getTls().isEmpty();
            for (var rule : ingress.getSpec().getRules()) {
                if (rule.getHost() == null || rule.getHttp() == null) continue;
                rule.getHttp().getPaths().forEach(p -> urls.add((tls ? "https://" : "http://") + rule.getHost()
                        + (p.getPath() == null ? "/" : p.getPath())));
            }
        }
        return urls;
    }
}

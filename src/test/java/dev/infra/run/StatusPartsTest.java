package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.HealthRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What infra status reads off resources: health rules counted, and the URLs of a release's ingresses. */
class StatusPartsTest {
    static final HealthRule HEALTHY = new HealthRule("Application", "argoproj.io/v1alpha1", "status.health.status", "Healthy");

    static GenericKubernetesResource application(String name, Map<String, Object> status) {
        var resource = new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName(name).endMetadata().build();
        if (status != null) resource.setAdditionalProperty("status", status);
        return resource;
    }

    @Test
    void resourcesWithTheRulesValueAreHealthyAndTheOthersSayWhatTheyHave() {
        var tally = HealthTally.of(HEALTHY, List.of(
                application("web", Map.of("health", Map.of("status", "Healthy"))),
                application("api", Map.of("health", Map.of("status", "Degraded"))),
                application("new", null),
                application("odd", Map.of("health", "Healthy"))));
        assertEquals(new HealthTally("Application 1/4 Healthy", 3, List.of(
                "Application api: status.health.status is Degraded",
                "Application new: status.health.status is null",
                "Application odd: status.health.status is null")), tally);
    }

    @Test
    void noResourcesAreNothingUnhealthy() {
        assertEquals(new HealthTally("Application 0/0 Healthy", 0, List.of()), HealthTally.of(HEALTHY, List.of()));
    }

    @Test
    void aNonTextValueIsComparedByItsText() {
        var rule = new HealthRule("Cluster", "v1", "status.ready", "true");
        var ready = application("a", Map.of("ready", true));
        assertEquals(new HealthTally("Cluster 1/1 true", 0, List.of()), HealthTally.of(rule, List.of(ready)));
    }

    static Ingress ingress(String release, boolean tls, String host, String... paths) {
        var builder = new IngressBuilder().withNewMetadata().withName("i")
                .withAnnotations(release == null ? null : Map.of("meta.helm.sh/release-name", release)).endMetadata()
                .withNewSpec().addNewRule().withHost(host).withNewHttp().endHttp().endRule().endSpec();
        var ingress = builder.build();
        var http = ingress.getSpec().getRules().get(0).getHttp();
        for (String path : paths) http.getPaths().add(new io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder().withPath(path).build());
        if (tls) ingress.getSpec().setTls(List.of(new io.fabric8.kubernetes.api.model.networking.v1.IngressTLS(List.of(host), "tls")));
        return ingress;
    }

    @Test
    void eachPathOfTheReleasesIngressesIsAURLHttpsWithTLS() {
        var urls = IngressUrls.of("grafana", List.of(
                ingress("grafana", false, "grafana.test", "/", "/api"),
                ingress("grafana", true, "secure.test", (String) null),
                ingress("other", false, "other.test", "/"),
                ingress(null, false, "unowned.test", "/")));
        assertEquals(List.of("http://grafana.test/", "http://grafana.test/api", "https://secure.test/"), urls);
    }

    @Test
    void aRuleWithoutHostOrHttpHasNoURL() {
        var noHost = ingress("grafana", false, null, "/");
        var noHttp = ingress("grafana", false, "grafana.test");
        noHttp.getSpec().getRules().get(0).setHttp(null);
        assertEquals(List.of(), IngressUrls.of("grafana", List.of(noHost, noHttp)));
    }

    @Test
    void anEmptyTLSListIsPlainHttp() {
        var ingress = ingress("grafana", false, "grafana.test", "/");
        ingress.getSpec().setTls(List.of());
        assertEquals(List.of("http://grafana.test/"), IngressUrls.of("grafana", List.of(ingress)));
    }
}

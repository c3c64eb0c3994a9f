package dev.infra.catalog;

import dev.infra.readiness.ReadinessCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One installable part of the platform, as the catalog describes it after profile and
 * {@code infra.yaml} overlays were applied.
 *
 * @param provides API kinds ({@code group/Kind}) whose CRDs this component installs
 * @param uses     API kinds this component's resources create; it then needs their provider
 * @param readyIn  typical time to become ready, used for the critical path estimate
 * @param timeout  how long {@code infra up} waits for readiness before diagnosing
 * @param health   rules for resources it manages, which {@code infra status} counts
 * @param valuesFiles files already merged into {@code values} (by {@link Catalog}), kept to show where values came from
 * @param data     true when removing the component removes data (a database resource):
 *                 {@code infra down} then keeps it unless asked to delete data
 */
public record Component(
        String name,
        String description,
        Boolean enabled,
        Source source,
        String release,
        String namespace,
        List<String> needs,
        List<String> provides,
        List<String> uses,
        Map<String, Object> values,
        List<String> valuesFiles,
        List<SecretSpec> secrets,
        List<PortForward> portForwards,
        List<ReadinessCheck> readiness,
        List<HealthRule> health,
        Duration readyIn,
        Duration timeout,
        Boolean data,
        String notes) {

    public Component {
        needs = listOrEmpty(needs);
        provides = listOrEmpty(provides);
        uses = listOrEmpty(uses);
        values = values == null ? Map.of() : values;
        valuesFiles = listOrEmpty(valuesFiles);
        secrets = listOrEmpty(secrets);
        portForwards = listOrEmpty(portForwards);
        readiness = listOrEmpty(readiness);
        health = listOrEmpty(health);
        if (readyIn == null) readyIn = Duration.ofSeconds(60);
        if (timeout == null) timeout = Duration.ofMinutes(10);
        if (release == null) release = name;
    }

    public boolean holdsData() {
        return Boolean.TRUE.equals(data);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

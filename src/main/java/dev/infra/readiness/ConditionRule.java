package dev.infra.readiness;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;

/** Any other kind (an operator's custom resource) is ready when the check's condition is True. */
final class ConditionRule implements KindRule<GenericKubernetesResource> {
    private final String kind;

    ConditionRule(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Resource<GenericKubernetesResource> resource(KubernetesClient client, ReadinessCheck check, String namespace) {
        var resources = client.genericKubernetesResources(check.apiVersion(), check.kind());
        return namespaced(client.getApiResources(check.apiVersion()), kind)
                ? resources.inNamespace(namespace).withName(check.name()) : resources.withName(check.name());
    }

    /** Whether the API serves {@code kind} per namespace; when unsure (not served yet), it is taken as namespaced. */
    static boolean namespaced(APIResourceList api, String kind) {
        return api == null || api.getResources().stream()
                .filter(r -> kind.equals(r.getKind())).findFirst().map(APIResource::getNamespaced).orElse(true);
    }

    @Override
    public CheckStatus judge(ReadinessCheck check, GenericKubernetesResource r) {
        var conditions = conditions(r);
        for (var c : conditions) {
            if ("HasErrors".equals(c.get("type")) && "True".equals(c.get("status"))) {
                // operators report passing errors here too (a database still starting): keep waiting
                return CheckStatus.waiting(check, "HasErrors: " + c.get("message"));
            }
        }
        for (var c : conditions) {
            if (check.condition().equals(c.get("type"))) {
                if ("True".equals(c.get("status"))) return CheckStatus.ready(check);
                return CheckStatus.waiting(check, check.condition() + "=" + c.get("status")
                        + (c.get("message") == null ? "" : ": " + c.get("message")));
            }
        }
        return CheckStatus.waiting(check, "no " + check.condition() + " condition yet");
    }

    /** A rendered custom resource is not waited for: only the catalog knows which condition says it is ready. */
    @Override
    public boolean rendered() {
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conditions(GenericKubernetesResource r) {
        Object status = r.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m && m.get("conditions") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.of();
    }
}

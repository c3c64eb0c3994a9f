package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs simulated operators: watches CustomResourceDefinitions and, once the CRD of a kind an
 * operator acts on is established (charts install CRDs at any time), informs on that kind and
 * hands every resource to its operator.
 */
public final class OperatorRunner implements AutoCloseable {
    /** Resources are handed over again this often, so a failed or waiting reconcile is retried. */
    private static final long RESYNC_MILLIS = 5_000;

    private final KubernetesClient client;
    private final List<SimulatedOperator> operators;
    private final Consumer<String> log;
    private final OwnedObjects objects;
    private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private SharedIndexInformer<CustomResourceDefinition> crds;

    public OperatorRunner(KubernetesClient client, List<SimulatedOperator> operators, Consumer<String> log) {
        this.client = client;
        this.operators = List.copyOf(operators);
        this.log = log;
        this.objects = new OwnedObjects(client);
    }

    public void start() {
        crds = client.apiextensions().v1().customResourceDefinitions().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(CustomResourceDefinition crd) {
                crdChanged(crd);
            }

            @Override
            public void onUpdate(CustomResourceDefinition old, CustomResourceDefinition crd) {
                crdChanged(crd);
            }

            @Override
            public void onDelete(CustomResourceDefinition crd, boolean unknownFinalState) {
                informers.entrySet().removeIf(e -> {
                    boolean gone = e.getKey().endsWith("." + crd.getMetadata().getName());
                    if (gone) e.getValue().close();
                    return gone;
                });
            }
        });
    }

    private void crdChanged(CustomResourceDefinition crd) {
        if (!established(crd)) return;
        for (SimulatedOperator operator : operators) {
            for (SimulatedOperator.Kind kind : operator.kinds()) {
                boolean served = crd.getSpec().getVersions().stream()
                        .anyMatch(v -> v.getName().equals(kind.version()) && Boolean.TRUE.equals(v.getServed()));
                if (crd.getSpec().getGroup().equals(kind.group()) && crd.getSpec().getNames().getKind().equals(kind.kind())
                        && served) {
                    informers.computeIfAbsent(kind.version() + "." + crd.getMetadata().getName(),
                            key -> inform(operator, kind, crd));
                }
            }
        }
    }

    private SharedIndexInformer<GenericKubernetesResource> inform(SimulatedOperator operator, SimulatedOperator.Kind kind,
            CustomResourceDefinition crd) {
        var context = new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(kind.version())
                .withKind(kind.kind()).withPlural(crd.getSpec().getNames().getPlural())
                .withNamespaced("Namespaced".equals(crd.getSpec().getScope())).build();
        log.accept(operator.name() + ": acting on " + kind.kind() + " (" + kind.apiVersion() + ")");
        return client.genericKubernetesResources(context).inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource resource) {
                reconcile(operator, resource);
            }

            @Override
            public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource resource) {
                reconcile(operator, resource);
            }

            @Override
            public void onDelete(GenericKubernetesResource resource, boolean unknownFinalState) {
                // what it created is owned by it: the garbage collector deletes it
            }
        }, RESYNC_MILLIS);
    }

    private void reconcile(SimulatedOperator operator, GenericKubernetesResource resource) {
        if (resource.getMetadata().getDeletionTimestamp() != null) return;
        String key = operator.name() + ": " + resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        try {
            operator.reconcile(resource, objects);
            failures.remove(key);
        } catch (RuntimeException e) {
            String why = e.getCause() == null || e.getCause().getMessage() == null ? e.getMessage()
                    : e.getMessage() + " " + e.getCause().getMessage();
            // each resync retries: say it once, and again only when the reason changes
            if (!why.equals(failures.put(key, why))) log.accept(key + ": " + why);
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void close() {
        if (crds != null) crds.close();
        informers.values().forEach(SharedIndexInformer::close);
        informers.clear();
    }
}

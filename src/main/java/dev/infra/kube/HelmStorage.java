package dev.infra.kube;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.api.model.PartialObjectMetadataList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * helm's release records, the Secrets labelled owner=helm and name=RELEASE (one per revision),
 * read through the API. Each holds the whole release, its chart's files among them: hundreds of
 * kB for the larger charts, times the kept history. Listing them asks the API server for their
 * metadata alone (as {@code kubectl get --output name} does), and a manifest reads one Secret.
 */
final class HelmStorage {
    private static final String METADATA_ONLY = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

    private final KubernetesClient client;

    HelmStorage(KubernetesClient client) {
        this.client = client;
    }

    /** The records' metadata (name, labels version and status), without their data. */
    List<ObjectMeta> records(String release, String namespace) {
        String selector = URLEncoder.encode("owner=helm,name=" + release, StandardCharsets.UTF_8);
        String url = client.getMasterUrl() + "api/v1/namespaces/" + namespace + "/secrets?labelSelector=" + selector;
        HttpClient http = client.getHttpClient();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(http.newHttpRequestBuilder().uri(url).setHeader("Accept", METADATA_ONLY).build(),
                    String.class).join();
        } catch (CompletionException e) {
            throw new KubernetesClientException("cannot list helm's records of release " + release + " in namespace "
                    + namespace + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (!response.isSuccessful()) {
            throw new KubernetesClientException("cannot list helm's records of release " + release + " in namespace "
                    + namespace + ": HTTP " + response.code(), response.code(), null);
        }
        var items = client.getKubernetesSerialization().unmarshal(response.body(), PartialObjectMetadataList.class).getItems();
        // the API server leaves out the items of an empty list in this form
        return items == null ? List.of() : items.stream().map(PartialObjectMetadata::getMetadata).toList();
    }

    /** One record, data included; null when it is gone. */
    Secret record(String name, String namespace) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }
}

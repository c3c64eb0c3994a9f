package dev.infra.run;

import dev.infra.kube.ClusterSecrets;
import java.util.Map;

/** The secrets a step reads and generates, decoded: the cluster's, or a test's map. */
interface SecretStore {
    /** The values of {@code namespace/name}; null when it does not exist. */
    Map<String, String> values(String namespace, String name);

    void apply(String namespace, String name, Map<String, String> values);

    static SecretStore of(ClusterSecrets cluster) {
        return new SecretStore() {
            @Override
            public Map<String, String> values(String namespace, String name) {
                return cluster.values(namespace, name);
            }

            @Override
            public void apply(String namespace, String name, Map<String, String> values) {
                cluster.apply(namespace, name, values);
            }
        };
    }
}

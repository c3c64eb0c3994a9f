package dev.infra.sandbox.operators;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crunchy PGO v5.8.9, read in CrunchyData/postgres-operator at v5.8.9. PostgresCluster
 * {@code NAME} ->
 * <ul>
 *   <li>one StatefulSet per instance, {@code NAME-SET-xxxx} (internal/naming/names.go
 *       GenerateStartupInstance: a stable four-character suffix from the names), labels
 *       {@code postgres-operator.crunchydata.com/cluster}, {@code instance-set}, {@code instance},
 *       {@code data: postgres} (internal/naming/labels.go);</li>
 *   <li>{@code NAME-repo-host} when a pgBackRest repo has a volume (controller/postgrescluster/
 *       pgbackrest.go);</li>
 *   <li>Services {@code NAME-primary} (headless), {@code NAME-replicas}, {@code NAME-pods}
 *       (headless), {@code NAME-ha} and {@code NAME-ha-config} (names.go, cluster.go);</li>
 *   <li>per user (spec.users, else one named after the cluster with its database), Secret
 *       {@code NAME-pguser-USER} with host, port, user, password, verifier (SCRAM-SHA-256) and,
 *       with a database, dbname, uri and jdbc-uri (postgres.go generatePostgresUserSecret);
 *       generated once;</li>
 *   <li>conditions PGBackRestRepoHostReady (RepoHostReady), PGBackRestReplicaRepoReady
 *       (StanzaCreated) and PGBackRestReplicaCreate (RepoBackupComplete), with PGO's messages
 *       (pgbackrest.go), and status.instances.</li>
 * </ul>
 */
final class Pgo implements SimulatedOperator {
    private static final String LABEL = "postgres-operator.crunchydata.com/";
    private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

    @Override
    public String name() {
        return "pgo";
    }

    @Override
    public String creates() {
        return "PostgresCluster NAME -> StatefulSets NAME-SET-xxxx and NAME-repo-host, Services NAME-primary/-replicas/-pods/-ha, "
                + "Secrets NAME-pguser-USER, PGBackRest conditions";
    }

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("postgres-operator.crunchydata.com/v1beta1", "PostgresCluster"));
    }

    @Override
    public void reconcile(GenericKubernetesResource cluster, OwnedObjects objects) {
        String name = cluster.getMetadata().getName();
        Map<String, Object> spec = SimulatedOperator.spec(cluster);
        int port = ((Number) spec.getOrDefault("port", 5432)).intValue();
        List<Map<String, Object>> instanceStatus = new ArrayList<>();
        boolean leader = true;
        for (Object item : (List<?>) spec.getOrDefault("instances", List.of(Map.of()))) {
            Map<String, Object> set = SimulatedOperator.map(item);
            String setName = (String) set.getOrDefault("name", "00");
            int replicas = ((Number) set.getOrDefault("replicas", 1)).intValue();
            for (int i = 0; i < replicas; i++) {
                String instance = name + "-" + setName + "-" + suffix(name + setName + (i == 0 ? "" : i));
                // Patroni labels its leader's pod role=master; the primary Service has no selector
                objects.apply(cluster, statefulSet(instance, Map.of(LABEL + "cluster", name, LABEL + "instance-set", setName,
                        LABEL + "instance", instance, LABEL + "data", "postgres"), leader ? Map.of(LABEL + "role", "master") : Map.of()));
                leader = false;
            }
            instanceStatus.add(Map.of("name", setName, "replicas", replicas, "readyReplicas", replicas, "updatedReplicas", replicas));
        }
        if (repoHost(spec)) {
            objects.apply(cluster, statefulSet(name + "-repo-host", Map.of(LABEL + "cluster", name, LABEL + "pgbackrest", "",
                    LABEL + "pgbackrest-dedicated", ""), Map.of()));
        }
        for (String service : List.of("primary", "replicas", "pods", "ha", "ha-config")) {
            objects.apply(cluster, service(name, service, port));
        }
        users(cluster).forEach(user -> objects.createSecretOnce(cluster, userSecret(cluster, user, port)));
        objects.status(cluster, Map.of("instances", instanceStatus), List.of(
                new OwnedObjects.Condition("PGBackRestRepoHostReady", true, "RepoHostReady", "pgBackRest dedicated repository host is ready"),
                new OwnedObjects.Condition("PGBackRestReplicaRepoReady", true, "StanzaCreated", "pgBackRest replica create repo is ready for backups"),
                new OwnedObjects.Condition("PGBackRestReplicaCreate", true, "RepoBackupComplete", "pgBackRest replica creation is now possible")));
    }

    /** PGO runs a dedicated repository host when a pgBackRest repo is a volume. */
    private static boolean repoHost(Map<String, Object> spec) {
        Object repos = SimulatedOperator.map(SimulatedOperator.map(spec.get("backups")).get("pgbackrest")).get("repos");
        return repos instanceof List<?> list && list.stream().anyMatch(r -> SimulatedOperator.map(r).containsKey("volume"));
    }

    /** rand.SafeEncodeString of the FNV-32 hash, as GenerateStartupInstance names an instance. */
    static String suffix(String names) {
        int hash = 0x811c9dc5;
        for (byte b : names.getBytes(StandardCharsets.UTF_8)) {
            hash *= 0x01000193;
            hash ^= b & 0xff;
        }
        String digits = Integer.toUnsignedString(hash);
        var out = new StringBuilder();
        for (int i = 0; i < 4; i++) out.append(SAFE.charAt(digits.charAt(i) % SAFE.length()));
        return out.toString();
    }

    private static List<Map<String, Object>> users(GenericKubernetesResource cluster) {
        Object users = SimulatedOperator.spec(cluster).get("users");
        String name = cluster.getMetadata().getName();
        if (!(users instanceof List<?> list) || list.isEmpty()) {
            return List.of(Map.of("name", name, "databases", List.of(name)));
        }
        return list.stream().map(SimulatedOperator::map).toList();
    }

    private static io.fabric8.kubernetes.api.model.Secret userSecret(GenericKubernetesResource cluster, Map<String, Object> user, int port) {
        String username = (String) user.get("name");
        String host = cluster.getMetadata().getName() + "-primary." + cluster.getMetadata().getNamespace() + ".svc";
        String password = Passwords.ascii(24);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("host", host);
        data.put("port", Integer.toString(port));
        data.put("user", username);
        data.put("password", password);
        data.put("verifier", Passwords.scramSha256(password));
        if (user.get("databases") instanceof List<?> databases && !databases.isEmpty()) {
            String database = databases.get(0).toString();
            data.put("dbname", database);
            data.put("uri", "postgresql://" + username + ":" + enc(password) + "@" + host + ":" + port + "/" + database);
            data.put("jdbc-uri", "jdbc:postgresql://" + host + ":" + port + "/" + database + "?password=" + enc(password)
                    + "&user=" + enc(username));
        }
        return new SecretBuilder().withNewMetadata().withName(cluster.getMetadata().getName() + "-pguser-" + username)
                .addToLabels(LABEL + "cluster", cluster.getMetadata().getName())
                .addToLabels(LABEL + "pguser", username).addToLabels(LABEL + "role", "pguser").endMetadata()
                .withStringData(data).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StatefulSet statefulSet(String name, Map<String, String> labels, Map<String, String> podLabels) {
        return new StatefulSetBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withServiceName(labels.get(LABEL + "cluster") + "-pods")
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).addToLabels(podLabels).endMetadata()
                .withNewSpec().addNewContainer().withName(name.endsWith("-repo-host") ? "pgbackrest" : "database")
                .withImage("registry.developers.crunchydata.com/crunchydata/crunchy-postgres").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static Service service(String cluster, String kind, int port) {
        var builder = new ServiceBuilder().withNewMetadata().withName(cluster + "-" + kind)
                .addToLabels(LABEL + "cluster", cluster).endMetadata().withNewSpec();
        if (!"ha-config".equals(kind)) {
            builder.addNewPort().withName("postgres").withPort(port).withTargetPort(new IntOrString("postgres")).endPort();
        }
        if ("primary".equals(kind) || "pods".equals(kind) || "ha-config".equals(kind)) builder.withClusterIP("None");
        if ("pods".equals(kind) || "replicas".equals(kind)) builder.addToSelector(LABEL + "cluster", cluster);
        return builder.endSpec().build();
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.TestNamespace;
import dev.infra.testing.Testbin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A helm call that fails transiently after storing the release as pending: the retry repairs the release first. */
@KubeTest
class PendingReleaseRepairTest {
    static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();

    /**
     * A helm whose first upgrade is cut short midway: helm runs with a hook that never completes,
     * is killed once it has stored the release as pending, and the call fails the way a reset
     * connection does. Later calls are plain helm.
     */
    static Path helmFailingMidway(Path dir, TestNamespace ns) throws Exception {
        Path wrapper = dir.resolve("helm");
        Files.writeString(wrapper, """
                #!/usr/bin/env bash
                if [[ "$1" == upgrade && ! -e "%1$s/failed-once" ]]; then
                  touch "%1$s/failed-once"
                  %2$s "$@" --set hang=true >/dev/null 2>&1 &
                  until %3$s --kubeconfig %4$s get secrets -n %5$s -l owner=helm,name=greeter --show-labels | grep -q status=pending-; do
                    sleep 0.2
                  done
                  kill -9 $!
                  echo 'Error: Kubernetes cluster unreachable: read tcp 10.0.0.1:443: connection reset by peer' >&2
                  exit 1
                fi
                exec %2$s "$@"
                """.formatted(dir, Testbin.binary("helm"), Testbin.binary("kubectl"), ns.kubeconfig(), ns.name()));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    @Test
    void aReleaseLeftPendingByAFailedAttemptIsRepairedByTheRetry(TestNamespace ns, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("infra.yaml"), """
                profile: ci
                components:
                  greeter:
                    source: {path: %s}
                    namespace: %s
                """.formatted(CHARTS.resolve("hooked"), ns.name()));
        var env = Map.of("INFRA_HELM", helmFailingMidway(dir, ns).toString());
        String kubeconfig = ns.kubeconfig().toString();

        var install = FaultTest.infra(env, "up", "-f", file.toString(), "--only", "greeter", "--kubeconfig", kubeconfig);
        assertEquals(0, install.code(), install.out() + install.err());
        assertTrue(install.out().contains("greeter: helm upgrade --install greeter failed (Error: Kubernetes cluster unreachable: "
                + "read tcp 10.0.0.1:443: connection reset by peer); retry 1 of 4"), install.out());
        assertTrue(install.out().contains("release greeter was left pending-install by an interrupted run; removing it"), install.out());
        assertTrue(install.out().contains("✓ greeter"), install.out());

        Files.delete(dir.resolve("failed-once"));
        var upgrade = FaultTest.infra(env, "up", "--force", "-f", file.toString(), "--only", "greeter", "--kubeconfig", kubeconfig);
        assertEquals(0, upgrade.code(), upgrade.out() + upgrade.err());
        assertTrue(upgrade.out().contains("release greeter was left pending-upgrade by an interrupted run; rolling back to revision 1"),
                upgrade.out());
        assertTrue(upgrade.out().contains("✓ greeter"), upgrade.out());
        var newest = ns.client().secrets().withLabel("owner", "helm").withLabel("name", "greeter").list().getItems().stream()
                .max(Comparator.comparingInt(s -> Integer.parseInt(s.getMetadata().getLabels().get("version")))).orElseThrow();
        assertEquals("deployed", newest.getMetadata().getLabels().get("status"));
    }
}

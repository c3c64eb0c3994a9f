package dev.infra.run;

import static dev.infra.run.UpCommandTest.infra;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.testing.KubeTest;
import dev.infra.testing.NeedsRealCluster;
import dev.infra.testing.TestNamespace;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole ci profile as a user gets it: the real charts from their repositories, real images,
 * real operators and admission webhooks. Runs only against a real cluster with internet access
 * (INFRA_TEST_KUBECONFIG or INFRA_TEST_CLUSTER=k3s; see README's Test section).
 */
@KubeTest
@NeedsRealCluster("it pulls the ci profile's charts and images from the internet and needs real operators")
class CiProfileOnARealClusterTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void theCiProfileFromItsRealChartsBecomesHealthyThenARerunChangesNothingAndDownRemovesIt(TestNamespace ns) {
        var up = infra(ns.kubeconfig(), "up", "--profile", "ci", "--force", "-o", "json");
        assertEquals(0, up.code(), up.all());

        var status = infra(ns.kubeconfig(), "status", "--profile", "ci");
        assertEquals(0, status.code(), "all healthy: " + status.all());

        var rerun = infra(ns.kubeconfig(), "up", "--profile", "ci", "-o", "json");
        assertEquals(0, rerun.code(), rerun.all());
        assertEquals(up.finished("installed").size(), rerun.finished("unchanged").size(), rerun.out());

        var down = infra(ns.kubeconfig(), "down", "--profile", "ci", "--yes");
        assertEquals(0, down.code(), down.all());
        assertTrue(infra(ns.kubeconfig(), "status", "--profile", "ci").code() != 0, "nothing left installed");
    }
}

package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.diff.ComponentDiff;
import dev.infra.diff.ObjectChange;
import dev.infra.kube.ObjectRef;
import dev.infra.output.Colors;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSummaryTest {
    private static final Colors PLAIN = new Colors(false);

    private static ObjectChange change(String kind, String name, ObjectChange.Change change) {
        return new ObjectChange(new ObjectRef("v1", kind, "apps", name), change, "");
    }

    @Test
    void namesEachComponentThatWouldChangeWithItsObjectsAndCountsTheRest() {
        var components = List.of(
                ComponentDiff.install("keycloak", "infra"),
                ComponentDiff.repair("pgadmin", "infra", "pgadmin", "pending-upgrade"),
                ComponentDiff.of("platform", "apps", List.of()),
                ComponentDiff.of("web", "apps", List.of(change("ConfigMap", "web", ObjectChange.Change.CHANGED),
                        change("Secret", "web-login", ObjectChange.Change.CREATED))));
        assertEquals("""
                + keycloak  not installed, would install
                ! pgadmin   release pgadmin was left pending-upgrade by an interrupted run; up repairs it, then installs
                ~ web       ConfigMap apps/web changed, Secret apps/web-login created
                2 to install, 1 to change (2 objects), 1 unchanged
                """, ChangeSummary.of(components, PLAIN));
    }

    @Test
    void nothingPendingIsOneLine() {
        assertEquals("no changes: 2 components unchanged\n",
                ChangeSummary.of(List.of(ComponentDiff.of("a", "x", List.of()), ComponentDiff.of("b", "x", List.of())), PLAIN));
    }
}

package dev.infra.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.infra.catalog.Component;
import dev.infra.catalog.Platform;
import dev.infra.errors.ConfigException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeardownPlannerTest {
    static final Platform PLATFORM = PlannerTest.platform("""
            components:
              - {name: base, namespace: x, source: {manifests: m}}
              - {name: crds, namespace: x, source: {manifests: m}, provides: [example.org/Widget]}
              - {name: db, namespace: x, source: {manifests: m}, needs: [base]}
              - {name: app, namespace: x, source: {manifests: m}, needs: [db, base], uses: [example.org/Widget]}
              - {name: off, namespace: x, source: {manifests: m}, needs: [db], enabled: false}
            """);
    static final Set<String> ALL = Set.of("base", "crds", "db", "app");

    static List<String> removed(Set<String> only, Set<String> skip, Set<String> installed) {
        return new TeardownPlanner().plan(new PlanRequest(PLATFORM, only, skip), installed).stream()
                .map(Component::name).toList();
    }

    static String refusal(Set<String> only, Set<String> skip, Set<String> installed) {
        return assertThrows(ConfigException.class, () -> removed(only, skip, installed)).getMessage();
    }

    @Test
    void withoutOnlyEveryEnabledComponentGoesInReverseInstallOrder() {
        assertEquals(List.of("app", "db", "crds", "base"), removed(Set.of(), Set.of(), ALL));
    }

    @Test
    void onlyRemovesTheNamedComponentsAndNotWhatTheyNeed() {
        assertEquals(List.of("app", "db"), removed(Set.of("db", "app"), Set.of(), ALL));
        assertEquals(List.of("app"), removed(Set.of("app"), Set.of(), ALL));
    }

    @Test
    void anInstalledComponentThatNeedsTheRemovedOneRefusesTheRemoval() {
        assertEquals("installed components still need what down would remove (db needs base; app needs base);"
                + " remove them too, or first", refusal(Set.of("base"), Set.of(), ALL));
        assertEquals("installed components still need what down would remove (app needs db); remove them too, or first",
                refusal(Set.of("db"), Set.of(), ALL));
    }

    @Test
    void theProviderOfAKindAnInstalledComponentUsesIsNeededToo() {
        assertEquals("installed components still need what down would remove (app needs crds); remove them too, or first",
                refusal(Set.of("crds"), Set.of(), ALL));
    }

    @Test
    void aComponentThatIsNotInstalledDoesNotHoldBackWhatItNeeds() {
        assertEquals(List.of("db"), removed(Set.of("db"), Set.of(), Set.of("base", "db")));
    }

    @Test
    void aSkippedComponentStaysAndRefusesTheRemovalOfWhatItNeeds() {
        assertEquals("installed components still need what down would remove (app needs db, base); remove them too, or first",
                refusal(Set.of(), Set.of("app", "crds"), ALL));
        assertEquals(List.of("app", "db", "base"), removed(Set.of(), Set.of("crds"), ALL));
        assertEquals(List.of("db"), removed(Set.of("db", "base"), Set.of("base"), Set.of("base", "db")));
    }

    @Test
    void unknownAndDisabledNamesAreRefusedLikeUpRefusesThem() {
        assertEquals("--only: unknown component 'dbb'; did you mean 'db'?", refusal(Set.of("dbb"), Set.of(), ALL));
        assertEquals("--skip: component 'off' is not enabled in profile 'minikube'", refusal(Set.of(), Set.of("off"), ALL));
    }
}

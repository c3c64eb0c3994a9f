package dev.infra.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.readiness.RenderedChecks.Rendered;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which checks a release's rendered objects give, and what a catalog check adds to them. */
class RenderedChecksTest {
    private static final List<Rendered> RELEASE = List.of(
            new Rendered("Deployment", "web", null),
            new Rendered("StatefulSet", "db", "data"),
            new Rendered("DaemonSet", "agent", null),
            new Rendered("Job", "migrate", null),
            new Rendered("PersistentVolumeClaim", "files", null),
            new Rendered("CustomResourceDefinition", "widgets.example.com", null),
            new Rendered("Secret", "token", null),
            new Rendered("Service", "web", null),
            new Rendered("Widget", "w", null));
    private static final RenderedChecks CHECKS = new RenderedChecks(RELEASE, "apps");
    private static final ReadinessCheck WIDGET = new ReadinessCheck("Widget", "w", "example.com/v1", null, "Ready", null);
    private static final ReadinessCheck OPERATED = new ReadinessCheck("StatefulSet", "w-0", null, null, null, "widget-operator");

    @Test
    void everyRenderedWorkloadJobClaimAndCrdIsWaitedForButNotSecretsServicesOrCustomResources() {
        assertEquals(List.of(ReadinessCheck.of("Deployment", "web", null), ReadinessCheck.of("StatefulSet", "db", "data"),
                ReadinessCheck.of("DaemonSet", "agent", null), ReadinessCheck.of("Job", "migrate", null),
                ReadinessCheck.of("PersistentVolumeClaim", "files", null),
                ReadinessCheck.of("CustomResourceDefinition", "widgets.example.com", null)), CHECKS.with(List.of()));
    }

    @Test
    void catalogAddsConditionsOfRenderedCustomResourcesAndWhatOthersCreateButNotWhatIsWaitedForAnyway() {
        var secret = ReadinessCheck.of("Secret", "token", null);
        var web = ReadinessCheck.of("Deployment", "web", "apps");
        var checks = CHECKS.with(List.of(WIDGET, OPERATED, secret, web));
        assertEquals(List.of(WIDGET, OPERATED, secret), checks.subList(6, checks.size()));
        assertEquals(List.of(), CHECKS.unknown(List.of(WIDGET, OPERATED, secret, web)));
    }

    @Test
    void catalogCheckOfAnObjectNothingMakesIsUnknown() {
        var other = ReadinessCheck.of("Deployment", "web", "elsewhere");
        var typo = new ReadinessCheck("Widget", "v", "example.com/v1", null, "Ready", null);
        assertEquals(List.of("Deployment web is neither rendered nor declared createdBy (what makes it)",
                "Widget v is neither rendered nor declared createdBy (what makes it)"), CHECKS.unknown(List.of(other, typo, OPERATED)));
    }

    @Test
    void catalogCheckOfARenderedWorkloadOrOfARenderedObjectSaidToBeMadeElsewhereIsRedundant() {
        var madeElsewhere = new ReadinessCheck("Deployment", "web", null, null, null, "an operator");
        assertEquals(List.of("Deployment web is rendered and waited for without a catalog check",
                        "Deployment web is rendered, not created by an operator"),
                CHECKS.redundant(List.of(ReadinessCheck.of("Deployment", "web", null), madeElsewhere, WIDGET, OPERATED,
                        ReadinessCheck.of("Secret", "token", null))));
    }
}

package dev.infra.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HelmExceptionTest {

    @Test
    void theMessageCarriesHelmsLastErrorWithItsContinuationLinesButNoWarnings() {
        String output = """
                WARNING: Kubernetes configuration file is group-readable.
                Error: UPGRADE FAILED: conflict occurred while applying object /applications.argoproj.io: Apply failed with 1 conflict: conflict with "infra-test":
                - .spec.versions
                """;

        var e = new HelmException("helm upgrade --install argocd", 1, output);

        assertEquals("helm failed (exit 1): Error: UPGRADE FAILED: conflict occurred while applying object /applications.argoproj.io:"
                + " Apply failed with 1 conflict: conflict with \"infra-test\": - .spec.versions [helm upgrade --install argocd]", e.getMessage());
    }

    @Test
    void withoutAnErrorLineTheLastLineSpeaksAndSilenceIsSaidSo() {
        assertEquals("killed", HelmException.summary("installing\nkilled\n"));
        assertEquals("no output", HelmException.summary("  \n"));
    }
}

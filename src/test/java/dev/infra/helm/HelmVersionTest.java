package dev.infra.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.infra.errors.ExitCodes;
import dev.infra.errors.PrerequisiteMissingException;
import org.junit.jupiter.api.Test;

class HelmVersionTest {
    @Test
    void bothMajorsAreReadFromWhatHelmVersionShortPrints() {
        assertEquals(new HelmVersion(3, 19, 5), HelmVersion.supported("v3.19.5+g1234567\n", "helm"));
        assertEquals(new HelmVersion(3, 18, 0), HelmVersion.supported("v3.18.0", "helm"));
        assertEquals(new HelmVersion(4, 3, 2), HelmVersion.supported("v4.3.2\n", "helm"));
        assertEquals(new HelmVersion(4, 3, 0), HelmVersion.supported("v4.3", "helm"), "a build without its version set");
        assertEquals("v4.3.2", new HelmVersion(4, 3, 2).toString());
    }

    @Test
    void aHelmOlderThan318IsRefusedNamingTheMinimum() {
        var old = assertThrows(PrerequisiteMissingException.class, () -> HelmVersion.supported("v3.17.3+ge4da497", "/opt/helm"));
        assertEquals("helm v3.17.3 ('/opt/helm') is too old: infra needs helm 3.18+ or 4 (https://helm.sh/docs/intro/install/)",
                old.getMessage());
        assertEquals(ExitCodes.PREREQUISITE_MISSING, ExitCodes.of(old));
        assertThrows(PrerequisiteMissingException.class, () -> HelmVersion.supported("v2.17.0+ga690bad", "helm"));
    }

    @Test
    void aProgramThatNamesNoVersionIsRefused() {
        var odd = assertThrows(PrerequisiteMissingException.class, () -> HelmVersion.supported("hello\n", "helm"));
        assertEquals("cannot tell the version of helm ('helm'), it says 'hello': infra needs helm 3.18+ or 4", odd.getMessage());
    }
}

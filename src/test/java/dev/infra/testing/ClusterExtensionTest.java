package dev.infra.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterExtensionTest {
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    @Test
    void namespaceNameIsADnsLabelThatNamesTheTest() {
        String name = ClusterExtension.namespaceName("claimBindsToTheVolume");

        assertTrue(name.matches("t-claim-binds-to-the-volume-[0-9a-f]{6}"), name);
    }

    @Test
    void namespaceNameOfALongTestNameIsCutToADnsLabel() {
        String name = ClusterExtension.namespaceName(
                "portForwardThroughTheApiServerReachesALocalTcpServerEvenWhenTheNameIsVeryLong_2");

        assertTrue(name.matches(DNS_LABEL) && name.length() <= 63, name);
    }
}

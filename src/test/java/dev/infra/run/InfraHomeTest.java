package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where infra finds its charts and manifests. */
class InfraHomeTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty("infra.home");
    }

    @Test
    void theLaunchersSettingWins() {
        System.setProperty("infra.home", "/opt/infra");
        assertEquals(Path.of("/opt/infra"), InfraHome.path());
    }

    @Test
    void withoutItTheCheckoutAboveTheCompiledClassesIsTheHome() throws Exception {
        // the tests run from target/classes of this checkout, which has charts/
        Path classes = Path.of(InfraHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(classes.getParent().getParent(), InfraHome.path());
    }
}

package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.infra.catalog.Component;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long infra up waits for a component: its own timeout, capped by --timeout. */
class InstallRequestTest {
    static Component waitingFor(Duration timeout) {
        return new Component("c", null, null, null, null, "ns", null, null, null, null, null, null, null, null, null,
                null, timeout, null, null);
    }

    static InstallRequest request(Duration timeout) {
        return new InstallRequest(null, null, null, null, 1, false, timeout);
    }

    @Test
    void withoutTimeoutEachComponentGetsItsOwn() {
        assertEquals(Duration.ofMinutes(7), request(null).timeoutOf(waitingFor(Duration.ofMinutes(7))));
    }

    @Test
    void aShorterTimeoutCapsTheComponentsOwn() {
        assertEquals(Duration.ofMinutes(2), request(Duration.ofMinutes(2)).timeoutOf(waitingFor(Duration.ofMinutes(7))));
    }

    @Test
    void aLongerTimeoutDoesNotExtendTheComponentsOwn() {
        assertEquals(Duration.ofMinutes(7), request(Duration.ofMinutes(9)).timeoutOf(waitingFor(Duration.ofMinutes(7))));
    }

    @Test
    void anEqualTimeoutIsThatTimeout() {
        assertEquals(Duration.ofMinutes(7), request(Duration.ofMinutes(7)).timeoutOf(waitingFor(Duration.ofMinutes(7))));
    }
}

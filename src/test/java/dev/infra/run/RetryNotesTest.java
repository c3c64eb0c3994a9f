package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A retry note quotes the failure; through the run's mask, it quotes no secret value. */
class RetryNotesTest {
    private static final String SECRET = "Kq7vXw2mPz9rTb4s";

    @Test
    void aRetryNoteThroughTheMaskShowsNoSecretValue() {
        var mask = new SecretMask();
        mask.add(SECRET);
        var notes = new ArrayList<String>();
        var attempts = new AtomicInteger();
        String result = new Retry(3, Duration.ZERO).run("apply Secret db", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new KubernetesClientException("webhook rejected password " + SECRET, 503, null);
            }
            return "applied";
        }, mask.masking(notes::add));
        assertEquals("applied", result);
        assertEquals(List.of("apply Secret db failed (webhook rejected password ******); retry 1 of 2 in 0s"), notes);
    }

    @Test
    void shortValuesAreNotMaskedSoOrdinaryWordsSurvive() {
        var mask = new SecretMask();
        mask.add("apply");
        var notes = new ArrayList<String>();
        mask.masking(notes::add).accept("apply failed");
        assertEquals(List.of("apply failed"), notes);
    }
    @Test
    void valuesOfSixCharactersAndMoreAreMasked() {
        var mask = new SecretMask();
        mask.add("abcdef");
        mask.add("vwxyz");
        assertEquals("****** vwxyz", mask.apply("abcdef vwxyz"));
    }
}

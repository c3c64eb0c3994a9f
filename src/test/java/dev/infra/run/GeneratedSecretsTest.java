package dev.infra.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.infra.catalog.SecretSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which values a generated secret gets, where it is written, and what the mask learns. */
class GeneratedSecretsTest {
    final FakeSecrets store = new FakeSecrets();
    final SecretMask mask = new SecretMask();
    final List<String> namespaces = new ArrayList<>();
    final AtomicInteger made = new AtomicInteger();
    final GeneratedSecrets secrets = new GeneratedSecrets(store, mask, () -> "random-value-" + made.incrementAndGet());

    static SecretSpec spec(String namespace, List<String> keys, Map<String, String> fixed, List<String> alsoIn) {
        return new SecretSpec("db-credentials", namespace, keys, null, true, fixed, alsoIn, null);
    }

    @Test
    void aNewSecretGetsARandomValuePerKeyAndTheFixedOnesInTheComponentsNamespace() {
        secrets.ensure(spec(null, List.of("username", "password", "token"), Map.of("username", "app"), List.of()), "data", namespaces::add);
        assertEquals(List.of("data"), namespaces);
        assertEquals(List.of("data/db-credentials"), store.applied);
        assertEquals(Map.of("username", "app", "password", "random-value-1", "token", "random-value-2"),
                store.secrets.get("data/db-credentials"));
    }

    @Test
    void theSpecsOwnNamespaceWinsOverTheComponents() {
        secrets.ensure(spec("auth", List.of("password"), Map.of(), List.of()), "data", namespaces::add);
        assertEquals(List.of("auth"), namespaces);
        assertEquals(List.of("auth/db-credentials"), store.applied);
    }

    @Test
    void aRerunKeepsEveryValueAndWritesNothing() {
        store.with("data", "db-credentials", Map.of("username", "app", "password", "kept-password"));
        secrets.ensure(spec(null, List.of("username", "password"), Map.of("username", "other"), List.of()), "data", namespaces::add);
        assertEquals(List.of(), store.applied);
        assertEquals(Map.of("username", "app", "password", "kept-password"), store.secrets.get("data/db-credentials"));
        assertEquals(0, made.get());
    }

    @Test
    void aKeyAddedToTheCatalogIsAddedAndTheOthersKept() {
        store.with("data", "db-credentials", Map.of("password", "kept-password"));
        secrets.ensure(spec(null, List.of("password", "token"), Map.of(), List.of()), "data", namespaces::add);
        assertEquals(List.of("data/db-credentials"), store.applied);
        assertEquals(Map.of("password", "kept-password", "token", "random-value-1"), store.secrets.get("data/db-credentials"));
    }

    @Test
    void everyValueButTheFixedOnesIsMasked() {
        store.with("data", "db-credentials", Map.of("password", "kept-password"));
        secrets.ensure(spec(null, List.of("username", "password", "token"), Map.of("username", "appuser"), List.of()), "data", namespaces::add);
        assertEquals("appuser ****** ******", mask.apply("appuser kept-password random-value-1"));
    }

    @Test
    void copiesGoToEachAlsoInNamespaceWithTheSameValuesEvenWhenNothingChanged() {
        store.with("data", "db-credentials", Map.of("password", "kept-password"));
        secrets.ensure(spec(null, List.of("password"), Map.of(), List.of("auth", "apps")), "data", namespaces::add);
        assertEquals(List.of("data", "auth", "apps"), namespaces);
        assertEquals(List.of("auth/db-credentials", "apps/db-credentials"), store.applied);
        assertEquals(Map.of("password", "kept-password"), store.secrets.get("apps/db-credentials"));
    }

    @Test
    void randomValuesAreTwentyFourUnambiguousLettersAndDigits() {
        String value = GeneratedSecrets.random();
        assertTrue(value.matches("[A-HJ-NP-Za-km-z2-9]{24}"), value);
        assertTrue(!value.equals(GeneratedSecrets.random()));
    }
}

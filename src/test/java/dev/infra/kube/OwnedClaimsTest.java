package dev.infra.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedClaimsTest {
    static final List<String> CLAIMS = List.of("data-foo-0", "data-foo-12", "data-foo-bar-0", "data-foo-", "data-foo-1a",
            "logs-foo-0", "data-foo-0-old", "xdata-foo-0", "other");

    @Test
    void aStatefulSetOwnsTheClaimsOfItsTemplatesWithAnyOrdinal() {
        assertEquals(List.of("data-foo-0", "data-foo-12"), OwnedClaims.of("foo", List.of("data"), CLAIMS));
        assertEquals(List.of("data-foo-0", "data-foo-12", "logs-foo-0"), OwnedClaims.of("foo", List.of("data", "logs"), CLAIMS));
    }

    @Test
    void theClaimsOfAStatefulSetWhoseNameStartsTheSameAreNotOwned() {
        assertEquals(List.of("data-foo-bar-0"), OwnedClaims.of("foo-bar", List.of("data"), CLAIMS));
    }

    @Test
    void withoutTemplatesNothingIsOwned() {
        assertEquals(List.of(), OwnedClaims.of("foo", List.of(), CLAIMS));
    }
}

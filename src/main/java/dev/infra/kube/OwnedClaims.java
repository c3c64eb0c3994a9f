package dev.infra.kube;

import java.util.List;

/**
 * The claims a StatefulSet made from its volume claim templates, which outlive it: exactly
 * {@code <template>-<statefulset>-<ordinal>}. A prefix would also take the claims of a
 * StatefulSet whose name starts the same ({@code foo} would take {@code foo-bar}'s).
 */
final class OwnedClaims {
    private OwnedClaims() {
    }

    static List<String> of(String statefulSet, List<String> templates, List<String> claims) {
        return claims.stream().filter(claim -> templates.stream().anyMatch(t -> madeFrom(claim, t, statefulSet))).toList();
    }

    private static boolean madeFrom(String claim, String template, String statefulSet) {
        String prefix = template + "-" + statefulSet + "-";
        return claim.startsWith(prefix) && isOrdinal(claim.substring(prefix.length()));
    }

    private static boolean isOrdinal(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}

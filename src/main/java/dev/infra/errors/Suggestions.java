package dev.infra.errors;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "did you mean ...?" for names a user mistyped. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The known name closest to {@code typed}, if it is close enough to be a typo. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k))
                .filter(k -> distance(typed, k) <= Math.max(2, typed.length() / 3));
    }

    /** {@code "unknown profile 'minikub'; did you mean 'minikube'?"}, or without the hint. */
    public static String unknown(String what, String typed, Collection<String> known) {
        return "unknown " + what + " '" + typed + "'" + closest(typed, known)
                .map(k -> "; did you mean '" + k + "'?")
                .orElse(" (known: " + String.join(", ", known) + ")");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

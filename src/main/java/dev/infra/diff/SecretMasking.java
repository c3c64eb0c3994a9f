package dev.infra.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Hides secret values in the two versions of an object before they are shown, the way
 * {@code kubectl diff} does: every value of a Secret's {@code data} and {@code stringData}, and
 * every string that holds a known secret value ({@code ${secret:...}} values), becomes
 * {@value #HIDDEN}; where it changed, {@code *** (before)} and {@code *** (after)}, so the key shows
 * as changed and neither value shows. The version before may hold a value rotated since: whatever
 * stands where the version after holds a secret is hidden too, and so is that value elsewhere.
 */
public final class SecretMasking {
    public static final String HIDDEN = "***";
    private static final String BEFORE = HIDDEN + " (before)";
    private static final String AFTER = HIDDEN + " (after)";
    private static final List<String> SECRET_DATA = List.of("data", "stringData");

    /** The two versions, masked; either may be null (an object added or removed). */
    public record Pair(Map<String, Object> before, Map<String, Object> after) {
    }

    private final Predicate<String> isSecret;
    private final Set<String> oldValues = new HashSet<>();

    private SecretMasking(Predicate<String> isSecret) {
        this.isSecret = isSecret;
    }

    /** {@code isSecret} tells whether a string holds a secret value this run knows. */
    @SuppressWarnings("unchecked")
    public static Pair mask(Map<String, Object> before, Map<String, Object> after, Predicate<String> isSecret) {
        var masking = new SecretMasking(isSecret);
        var pair = masking.walk(secretData(before), secretData(after));
        var maskedBefore = (Map<String, Object>) masking.hideOldValues(pair[0]);
        return new Pair(maskedBefore, (Map<String, Object>) pair[1]);
    }

    /** A Secret's values, each replaced by a placeholder that still tells whether it changed. */
    private static Map<String, Object> secretData(Map<String, Object> object) {
        if (object == null || !"Secret".equals(object.get("kind"))) return object;
        var copy = new LinkedHashMap<>(object);
        for (String field : SECRET_DATA) {
            if (copy.get(field) instanceof Map<?, ?> data) {
                var hidden = new LinkedHashMap<String, Object>();
                data.forEach((k, v) -> hidden.put(String.valueOf(k), new Hidden(String.valueOf(v))));
                copy.put(field, hidden);
            }
        }
        return copy;
    }

    /** A secret value on its way to being shown as a placeholder. */
    private record Hidden(String value) {
    }

    private Object[] walk(Object before, Object after) {
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) return walkMaps(b, a);
        if (before instanceof List<?> b && after instanceof List<?> a) return walkLists(b, a);
        boolean secret = before instanceof Hidden || after instanceof Hidden || holdsSecret(before) || holdsSecret(after);
        if (!secret) return new Object[]{hideAlone(before), hideAlone(after)};
        if (before == null || after == null) return new Object[]{before == null ? null : HIDDEN, after == null ? null : HIDDEN};
        if (before.equals(after)) return new Object[]{HIDDEN, HIDDEN};
        remember(before);
        return new Object[]{BEFORE, AFTER};
    }

    private Object[] walkMaps(Map<?, ?> before, Map<?, ?> after) {
        var b = new LinkedHashMap<String, Object>();
        var a = new LinkedHashMap<String, Object>();
        var keys = new TreeSet<String>();
        before.keySet().forEach(k -> keys.add(String.valueOf(k)));
        after.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String key : keys) {
            Object[] pair = walk(before.get(key), after.get(key));
            if (before.containsKey(key)) b.put(key, pair[0]);
            if (after.containsKey(key)) a.put(key, pair[1]);
        }
        return new Object[]{b, a};
    }

    private Object[] walkLists(List<?> before, List<?> after) {
        var b = new ArrayList<>();
        var a = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            Object[] pair = walk(i < before.size() ? before.get(i) : null, i < after.size() ? after.get(i) : null);
            if (i < before.size()) b.add(pair[0]);
            if (i < after.size()) a.add(pair[1]);
        }
        return new Object[]{b, a};
    }

    /** A subtree with nothing on the other side to compare with: hidden where it holds a secret. */
    private Object hideAlone(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) return walk(value, value)[0];
        return value instanceof Hidden || holdsSecret(value) ? HIDDEN : value;
    }

    private boolean holdsSecret(Object value) {
        return value instanceof String text && isSecret.test(text);
    }

    private void remember(Object before) {
        String value = before instanceof Hidden h ? h.value() : before instanceof String s ? s : "";
        // short values (a port, "true") would hide ordinary text
        if (value.length() >= 6) oldValues.add(value);
    }

    /** The version before, with values rotated away hidden wherever else they stand. */
    private Object hideOldValues(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), hideOldValues(v)));
            return copy;
        }
        if (value instanceof List<?> list) return list.stream().map(this::hideOldValues).toList();
        if (value instanceof String text && oldValues.stream().anyMatch(text::contains)) return HIDDEN;
        return value;
    }
}

package dev.infra.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value this run has seen, so that no message, log line or captured helm output
 * shows one.
 */
public final class SecretMask {
    private static final String MASK = "******";
    private final Set<String> values = ConcurrentHashMap.newKeySet();

    public void add(String value) {
        // very short values would mask ordinary words; generated secrets are long
        if (value != null && value.length() >= 6) values.add(value);
    }

    /** {@code sink}, hearing only masked text. */
    public java.util.function.Consumer<String> masking(java.util.function.Consumer<String> sink) {
        return text -> sink.accept(apply(text));
    }

    public String apply(String text) {
        if (text == null) return null;
        String masked = text;
        for (String value : values) masked = masked.replace(value, MASK);
        return masked;
    }
}

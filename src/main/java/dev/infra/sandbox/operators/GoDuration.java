package dev.infra.sandbox.operators;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Go writes them and cert-manager takes them: "2160h", "1h30m", "720h0m0s". */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

    private GoDuration() {
    }

    static Duration parse(String text) {
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            double value = Double.parseDouble(part.group(1));
            long millis = (long) (value * switch (part.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            total = total.plusMillis(millis);
            end = part.end();
        }
        if (end != text.length() || text.isEmpty()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }
}

package dev.infra.catalog;

import dev.infra.errors.ConfigException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 10m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s)");

    private Durations() {
    }

    public static boolean valid(String text) {
        return text != null && text.matches("(\\d+[hms])+");
    }

    public static Duration parse(String text) {
        if (!valid(text)) throw new ConfigException("'" + text + "' is not a duration such as 90s, 10m or 1h30m");
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return total;
    }
}

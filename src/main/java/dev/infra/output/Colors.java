package dev.infra.output;

import org.fusesource.jansi.Ansi;

/** ANSI styling that is a no-op when colour is off ({@code --no-color}, NO_COLOR, a pipe). */
public record Colors(boolean enabled) {

    public String bold(String text) {
        return enabled ? new Ansi().bold().a(text).reset().toString() : text;
    }

    public String red(String text) {
        return enabled ? new Ansi().fgRed().a(text).reset().toString() : text;
    }

    public String yellow(String text) {
        return enabled ? new Ansi().fgYellow().a(text).reset().toString() : text;
    }

    public String green(String text) {
        return enabled ? new Ansi().fgGreen().a(text).reset().toString() : text;
    }
}

package dev.infra.helm;

/** A helm command that exited non-zero; command and output are already masked of secrets. */
public class HelmException extends RuntimeException {
    private final String output;

    public HelmException(String command, int exitCode, String output) {
        super("helm failed (exit " + exitCode + "): " + lastLine(output) + " [" + command + "]");
        this.output = output;
    }

    /** Everything helm wrote to stderr, for the diagnosis and for -v. */
    public String output() {
        return output;
    }

    private static String lastLine(String output) {
        var lines = output.strip().lines().toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }
}

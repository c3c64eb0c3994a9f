package dev.infra.helm;

/** A helm command that exited non-zero; command and output are already masked of secrets. */
public class HelmException extends RuntimeException {
    private final String output;

    public HelmException(String command, int exitCode, String output) {
        super("helm failed (exit " + exitCode + "): " + summary(output) + " [" + command + "]");
        this.output = output;
    }

    /** Everything helm wrote to stderr, for the diagnosis and for -v. */
    public String output() {
        return output;
    }

    /**
     * helm's last error, with the lines that continue it: a server-side apply conflict ends in
     * "- .spec.versions", which alone says nothing. Warnings before it are left out.
     */
    static String summary(String output) {
        var lines = output.strip().lines().toList();
        if (lines.isEmpty()) return "no output";
        int start = lines.size() - 1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("Error:")) {
                start = i;
                break;
            }
        }
        return String.join(" ", lines.subList(start, lines.size()).stream().map(String::strip).toList());
    }
}

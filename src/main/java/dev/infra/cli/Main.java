package dev.infra.cli;

import java.io.PrintWriter;

/** Entry point; {@link #run} is what tests call, {@code main} only adds the exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var root = new InfraCommand();
        var errors = new ErrorHandler(root.global, root.mask);
        return new picocli.CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }
}

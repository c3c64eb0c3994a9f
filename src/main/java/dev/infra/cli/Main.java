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
        // picocli's model of even the root command costs several times the JVM's own start-up (its
        // annotations are read through generated proxies), so a bare version request skips it
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : new InfraCommand.Version().getVersion()) out.println(line);
            out.flush();
            return 0;
        }
        var root = new InfraCommand();
        var errors = new ErrorHandler(root.global, root.mask);
        return CommandTree.of(root, args)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }
}

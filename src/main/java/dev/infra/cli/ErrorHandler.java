package dev.infra.cli;

import dev.infra.errors.ExitCodes;
import dev.infra.run.SecretMask;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns any failure into one line on stderr and the exit code {@link ExitCodes} assigns;
 * {@code -v} adds the chain of causes.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final GlobalOptions global;
    private final SecretMask mask;

    /** {@code mask}: the secret values the command has seen, never to be printed, causes included. */
    ErrorHandler(GlobalOptions global, SecretMask mask) {
        this.global = global;
        this.mask = mask;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String hint = "";
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            hint = "; did you mean '" + unmatched.getSuggestions().get(0) + "'?";
        }
        command.getErr().println("infra: error: " + e.getMessage() + hint
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println(mask.apply("infra: error: " + message(e)));
        if (global.verbose()) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                err.println(mask.apply("  caused by: " + cause));
            }
        }
        return ExitCodes.of(e);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}

package dev.infra.sandbox;

import java.util.List;

/** A subprocess of the local cluster that failed: the command, its exit code and its output. */
public final class CommandFailedException extends RuntimeException {
    private final List<String> command;
    private final int exitCode;
    private final String output;

    public CommandFailedException(List<String> command, int exitCode, String output, Throwable cause) {
        super(String.join(" ", command) + " exited with " + exitCode + (output.isBlank() ? "" : ":\n" + output.strip()),
                cause);
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.output = output;
    }

    public List<String> command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    public String output() {
        return output;
    }
}

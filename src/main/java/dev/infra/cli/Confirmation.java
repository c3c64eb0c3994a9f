package dev.infra.cli;

import dev.infra.errors.ConfigException;

/** A yes/no question before a command changes a cluster: asked on a terminal, --yes elsewhere. */
final class Confirmation {
    private Confirmation() {
    }

    /** Fails at once when the question could not be asked, before anything is touched. */
    static void checkAskable(String command) {
        if (System.console() == null) throw new ConfigException(command + " needs --yes when not run on a terminal");
    }

    static void ask(String question) {
        var console = System.console();
        String answer = console == null ? null : console.readLine("%s [y/N] ", question);
        if (answer == null || !answer.strip().equalsIgnoreCase("y")) throw new ConfigException("not confirmed; nothing was changed");
    }
}

package dev.infra.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The picocli command tree for one command line. Building a subcommand's model costs start-up
 * time (reflection over its annotations, its classes loaded and initialised), so a line gets only
 * the subcommand it names. Any other line (usage, help, a mistyped name, an option this scan does
 * not follow) gets them all, as picocli needs them to list or suggest subcommands.
 */
final class CommandTree {
    private CommandTree() {
    }

    static CommandLine of(InfraCommand root, String... args) {
        var line = new CommandLine(root);
        needed(line.getCommandSpec(), args).forEach(line::addSubcommand);
        return line;
    }

    /** The tree with every subcommand, as usage lists it and completion covers it. */
    static CommandLine whole() {
        return of(new InfraCommand());
    }

    private static List<Class<?>> needed(CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) return named(arg).map(List::<Class<?>>of).orElse(InfraCommand.SUBCOMMANDS);
            OptionSpec option = root.findOption(arg.split("=", 2)[0]);
            // "--", a cluster of short options, a mistake: picocli parses them, with every subcommand
            if (option == null || option.usageHelp()) return InfraCommand.SUBCOMMANDS;
            if (option.arity().max() > 0 && !arg.contains("=")) i++;
        }
        return InfraCommand.SUBCOMMANDS;
    }

    private static Optional<Class<?>> named(String name) {
        return InfraCommand.SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(name)).findFirst();
    }
}

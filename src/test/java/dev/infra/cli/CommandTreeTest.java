package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandTreeTest {
    private static Set<String> subcommands(String... args) {
        return CommandTree.of(new InfraCommand(), args).getSubcommands().keySet();
    }

    @Test
    void aLineNamingASubcommandBuildsOnlyThatOne() {
        assertEquals(Set.of("secret"), subcommands("secret", "get", "db-credentials", "--key", "password"));
        // an option's value is not a subcommand's name, with or without "="
        assertEquals(Set.of("secret"), subcommands("--context", "plan", "-v", "secret", "get", "x"));
        assertEquals(Set.of("up"), subcommands("--output=json", "up"));
    }

    @Test
    void aLineNamingNoKnownSubcommandBuildsThemAll() {
        int all = InfraCommand.SUBCOMMANDS.size();
        assertEquals(all, subcommands().size());
        assertEquals(all, subcommands("plann").size());
        assertEquals(all, subcommands("--help", "secret").size());
        assertEquals(all, subcommands("-vo", "json", "secret").size());
        assertEquals(all, subcommands("--", "plan").size());
    }

    @Test
    void completionCoversEverySubcommandThoughItsLineBuiltOnlyItself() {
        var result = CliTest.run("completion");
        assertEquals(0, result.code(), result.err());
        for (String function : new String[]{"_picocli_infra_plan", "_picocli_infra_secret_get", "_picocli_infra_export_argocd"}) {
            assertTrue(result.out().contains("function " + function), function);
        }
    }

    @Test
    void aBareVersionRequestAnswersAsPicocliDoes() {
        var picocli = CliTest.run("--no-color", "--version");
        assertEquals(0, picocli.code(), picocli.err());
        for (String option : new String[]{"--version", "-V"}) {
            var bare = CliTest.run(option);
            assertEquals(picocli, bare, option);
        }
    }
}

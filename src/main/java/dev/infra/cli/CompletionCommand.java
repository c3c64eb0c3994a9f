package dev.infra.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {
        "Print a shell completion script generated from the command tree.",
        "bash: source <(infra completion bash)    zsh: source <(infra completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Parameters(arity = "0..1", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES} (default: bash).")
    Shell shell = Shell.bash;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // picocli's script detects zsh itself and loads bashcompinit there, so both shells share it
        // this command line built only this subcommand; the script covers them all
        spec.commandLine().getOut().print(AutoComplete.bash("infra", CommandTree.whole()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package dev.minigun.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code minigun} command: the entry point that {@code bin/minigun} runs. It only dispatches to
 * its subcommands ({@code demo}, {@code explain}, {@code member}, {@code help}) and answers {@code --help} and
 * {@code --version}; each subcommand is a class of its own. Every command returns one of the
 * {@link ExitCodes}.
 */
@Command(
        name = "minigun",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Minigun for Java: composable, high-throughput pipelines where each stage says where it runs.",
        subcommands = {DemoCommand.class, ExplainCommand.class, MemberCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.FAILED_HELP, ExitCodes.USAGE_HELP, ExitCodes.INTERRUPTED_HELP})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    /** The command, ready for {@code new CommandLine(new Main())}. */
    public Main() {}

    /** Runs the command line {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: try 'minigun demo', or 'minigun --help'");
    }
}

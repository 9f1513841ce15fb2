package dev.minigun.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code minigun} command line, with its exit code and captured output. */
record CliRun(int exitCode, String out, String err, CommandLine commandLine) {

    /** Runs {@code minigun args...} through picocli, capturing stdout and stderr. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString(), cmd);
    }

    /** The demo subcommand's instance, to look at the report of its run. */
    DemoCommand demo() {
        return (DemoCommand) commandLine.getSubcommands().get("demo").getCommand();
    }
}

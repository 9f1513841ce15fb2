package dev.minigun.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code minigun explain demo}: prints where every stage of the demo pipeline would run and why
 * (its {@code plan().explain()}), or the plan as a Mermaid flowchart with {@code --mermaid}. It
 * builds the pipeline but runs nothing and reads nothing.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Print a pipeline's execution plan (what runs where, and why) without running it.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:the plan was printed", ExitCodes.USAGE_HELP})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "PIPELINE",
            description = "The pipeline to explain: demo (the only one so far).")
    private String pipeline;

    @Option(names = "--mermaid", description = "Print a Mermaid flowchart instead of the table.")
    private boolean mermaid;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Threads of the parse stage, as for 'demo' (default: ${DEFAULT-VALUE}, the number of processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    /** Used by picocli. */
    public ExplainCommand() {}

    @Override
    public Integer call() {
        if (!pipeline.equals("demo")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Unknown pipeline '" + pipeline + "': the pipelines to explain are: demo");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        var plan = CensusPipeline.build(
                        new SourceReader(Path.of(DemoCommand.defaultSource())), Long.MAX_VALUE, threads, batch -> {
                            throw new IllegalStateException("explain only builds the pipeline; it never runs it");
                        })
                .plan();
        spec.commandLine().getOut().print(mermaid ? plan.toMermaid() : plan.explain());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

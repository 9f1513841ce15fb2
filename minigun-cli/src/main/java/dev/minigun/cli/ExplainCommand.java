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
 * (its {@code plan().explain()}; the fingerprint stage on worker processes when the process module
 * is on the class path, as in the demo), or the plan as a Mermaid flowchart with {@code --mermaid}. It
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

    @Option(
            names = "--workers",
            paramLabel = "W",
            description = "Worker processes of the fingerprint stage, as for 'demo' (default: ${DEFAULT-VALUE}).")
    private int workers = 2;

    @Option(
            names = "--enrich-calls",
            paramLabel = "C",
            description = "Virtual threads of the enrich stage, as for 'demo' (default: ${DEFAULT-VALUE}).")
    private int enrichCalls = 400;

    /** Used by picocli. */
    public ExplainCommand() {}

    @Override
    public Integer call() {
        if (!pipeline.equals("demo")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Unknown pipeline '" + pipeline + "': the pipelines to explain are: demo");
        }
        for (var option : java.util.Map.of("--threads", threads, "--workers", workers, "--enrich-calls", enrichCalls)
                .entrySet()) {
            if (option.getValue() < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), option.getKey() + " must be at least 1, was " + option.getValue());
            }
        }
        var settings = new CensusPipeline.Settings(
                Long.MAX_VALUE, threads, workers, enrichCalls, CensusPipeline.processModulePresent());
        var plan = CensusPipeline.build(
                        new SourceReader(Path.of(DemoCommand.defaultSource())),
                        settings,
                        file -> {
                            throw new IllegalStateException("explain only builds the pipeline; it never runs it");
                        },
                        batch -> {
                            throw new IllegalStateException("explain only builds the pipeline; it never runs it");
                        })
                .plan();
        spec.commandLine().getOut().print(mermaid ? plan.toMermaid() : plan.explain());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

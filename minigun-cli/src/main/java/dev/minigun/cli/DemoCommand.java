package dev.minigun.cli;

import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minigun demo}: a census of the JDK's own sources, run as a Minigun pipeline
 * ({@link CensusPipeline}) that reads {@code $JAVA_HOME/lib/src.zip}, parses the files on a thread
 * pool and stores the results in an embedded H2 database. It then prints the top identifiers and
 * the largest modules (queried from H2), the plan and the run report, and checks that the database
 * holds exactly one row per file the producer read.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Census of the JDK's own sources: read the .java files of src.zip, count lines, tokens and identifiers "
                    + "on a thread pool, store them in batches in an embedded H2 database, and report.",
            "Pipeline: read (producer) -> parse (threads(N)) -> batch (500) -> store (threads(1), H2)."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.FAILED_HELP, ExitCodes.USAGE_HELP})
public final class DemoCommand implements Callable<Integer> {
    private static final int TOP = 15;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "PATH",
            description = "A zip of .java files or a directory of them (default: ${sys:java.home}/lib/src.zip, "
                    + "the running JDK's sources).")
    private Path source;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads of the parse stage (default: ${DEFAULT-VALUE}, the number of processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N files (default: all).")
    private Long limit;

    @Option(
            names = "--db",
            paramLabel = "PATH",
            description = "Keep the H2 database in PATH.mv.db (its tables are recreated). "
                    + "Default: a temporary directory, deleted at the end.")
    private Path db;

    private RunReport lastReport;

    /** Used by picocli. */
    public DemoCommand() {}

    /** The source read when no {@code --source} is given: the running JDK's {@code lib/src.zip}. */
    public static String defaultSource() {
        return System.getProperty("java.home") + "/lib/src.zip";
    }

    /** The report of the last completed run, for tests. */
    Optional<RunReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceReader reader = new SourceReader(source != null ? source : Path.of(defaultSource()));
        if (!Files.exists(reader.root())) {
            err.println("minigun demo: no source to read: " + reader.root() + " does not exist.");
            err.println(
                    source != null
                            ? "  Check the path given with --source."
                            : "  This JDK ships without its sources (lib/src.zip); install them, or pass some.");
            err.println("  Pass a zip or a directory of .java files with --source, e.g.:");
            err.println("    minigun demo --source /path/to/src.zip");
            err.println("    minigun demo --source /path/to/project/src/main/java");
            err.flush();
            return ExitCodes.USAGE;
        }
        try {
            reader.check();
        } catch (IOException e) {
            err.println("minigun demo: cannot read the source " + reader.root() + ": " + e.getMessage());
            err.println("  Pass a zip or a directory of .java files with --source.");
            err.flush();
            return ExitCodes.USAGE;
        }
        Path tempDir = db == null ? Files.createTempDirectory("minigun-census-") : null;
        Path dbBase = db != null ? databaseBase(db) : tempDir.resolve("census");
        try (ShutdownGuard guard = ShutdownGuard.install(Duration.ofSeconds(15))) {
            try {
                return census(reader, dbBase, db == null, guard, out, err);
            } finally {
                if (tempDir != null) {
                    deleteRecursively(tempDir, err);
                }
                out.flush();
                err.flush();
            }
        }
    }

    private int census(
            SourceReader reader,
            Path dbBase,
            boolean temporary,
            ShutdownGuard guard,
            PrintWriter out,
            PrintWriter err) {
        long started = System.nanoTime();
        out.printf(Locale.ROOT, "Census of %s%n", reader.root());
        out.printf(
                Locale.ROOT,
                "  %s, parse on %d thread%s, H2 database %s%s%n%n",
                limit != null ? "first " + limit + " .java files" : "all .java files",
                threads,
                threads == 1 ? "" : "s",
                CensusStore.url(dbBase),
                temporary ? " (temporary)" : "");
        out.flush();
        try (CensusStore store = CensusStore.create(dbBase, temporary)) {
            var pipeline = CensusPipeline.build(reader, limit != null ? limit : Long.MAX_VALUE, threads, store::insert);
            RunReport report;
            try {
                Running running = pipeline.start();
                guard.cancelOnShutdown(running);
                report = running.await();
            } catch (PipelineException e) {
                err.println("minigun demo: the run failed: " + e.getMessage());
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (!String.valueOf(e.getMessage()).contains(cause.toString())) {
                        err.println("  caused by: " + cause);
                    }
                }
                e.report().ifPresent(r -> err.print(r));
                return ExitCodes.FAILED;
            }
            lastReport = report;
            long read = report.stage("read").out();
            long stored = store.storedFiles();
            printResults(out, store);
            out.println();
            out.print(pipeline.plan().explain());
            out.println();
            out.print(report);
            out.println();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "Census took %.2f s (pipeline run %d ms)%n",
                    seconds,
                    report.elapsed().toMillis());
            if (stored != read) {
                out.printf(Locale.ROOT, "check FAILED: stored rows (%d) != files read (%d)%n", stored, read);
                return ExitCodes.FAILED;
            }
            out.printf(Locale.ROOT, "check: stored rows = files read (%d)%n", read);
            return ExitCodes.OK;
        } catch (SQLException e) {
            err.println("minigun demo: database error on " + CensusStore.url(dbBase) + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static void printResults(PrintWriter out, CensusStore store) throws SQLException {
        ModuleTotal all = store.totals();
        long modules = store.moduleCount();
        out.printf(
                Locale.ROOT,
                "%s files, %s lines, %s tokens in %s module%s%n%n",
                TextColumns.number(all.files()),
                TextColumns.number(all.lines()),
                TextColumns.number(all.tokens()),
                TextColumns.number(modules),
                modules == 1 ? "" : "s");

        List<IdentifierTotal> ids = store.topIdentifiers(TOP);
        out.printf(
                Locale.ROOT,
                "Top %d identifiers (summed over each file's top %d, keywords excluded)%n",
                ids.size(),
                SourceAnalyzer.TOP_IDENTIFIERS);
        TextColumns idTable = new TextColumns(">#", "identifier", ">occurrences", ">files");
        int rank = 0;
        for (IdentifierTotal id : ids) {
            idTable.row(++rank, id.name(), id.occurrences(), id.files());
        }
        out.print(idTable.render("  "));
        out.println();

        List<ModuleTotal> top = store.topModulesByLines(TOP);
        out.printf(Locale.ROOT, "Top %d of %d modules by lines%n", top.size(), modules);
        TextColumns moduleTable = new TextColumns("module", ">files", ">lines", ">tokens");
        for (ModuleTotal m : top) {
            moduleTable.row(m.module(), m.files(), m.lines(), m.tokens());
        }
        moduleTable.row("all " + modules + " modules", all.files(), all.lines(), all.tokens());
        out.print(moduleTable.render("  "));
    }

    /** H2 appends {@code .mv.db} to the path of a file database: accept the path with or without it. */
    private static Path databaseBase(Path path) {
        Path absolute = path.toAbsolutePath();
        String name = absolute.getFileName().toString();
        return name.endsWith(".mv.db")
                ? absolute.resolveSibling(name.substring(0, name.length() - ".mv.db".length()))
                : absolute;
    }

    /** Deletes the temporary database; a failure is worth a warning, not a failed census. */
    private static void deleteRecursively(Path dir, PrintWriter err) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            err.println("minigun demo: warning: could not delete the temporary database " + dir + ": " + e);
        }
    }
}

package dev.minigun.cli;

import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.hud.Hud;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minigun demo}: a census of the JDK's own sources, run as a Minigun pipeline
 * ({@link CensusPipeline}) that reads {@code $JAVA_HOME/lib/src.zip}, parses the files on a thread
 * pool, fingerprints them in worker processes (or on threads without the process module), asks a
 * slow local web service ({@link EnrichmentService}, started and stopped by the demo) for each
 * file's area from hundreds of virtual threads, and stores the rows in batches in an embedded H2
 * database, with the live HUD on a terminal. It then prints the top identifiers, modules and areas
 * (queried from H2), the plan and the run report, and checks the database against the report: one
 * row per file read, each with its area and fingerprint.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Census of the JDK's own sources: read the .java files of src.zip, count lines, tokens and identifiers "
                    + "on a thread pool, fingerprint them in worker processes, ask a slow local HTTP service for each "
                    + "file's area on virtual threads, store them in batches in an embedded H2 database, and report.",
            "Pipeline: read (producer) -> parse (threads(N)) -> fingerprint (processes(W), or threads(N)) -> "
                    + "enrich (virtualThreads(C), HTTP) -> batch (500) -> store (threads(1), H2).",
            "On a terminal a live view shows the flow, rates, queues, contexts and errors (--no-hud turns it off); "
                    + "elsewhere a progress line is printed every 5 s. Ctrl-C cancels the run and prints the partial report."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.FAILED_HELP, ExitCodes.USAGE_HELP, ExitCodes.INTERRUPTED_HELP})
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
            description = "Threads of the parse stage, and of fingerprint when it runs on threads "
                    + "(default: ${DEFAULT-VALUE}, the number of processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = {"--rows", "--limit"},
            paramLabel = "N",
            description = "Read (and store) at most N files (default: all).")
    private Long limit;

    @Option(
            names = "--workers",
            paramLabel = "W",
            description = "Worker processes of the fingerprint stage, when the minigun-process module is on the "
                    + "class path (default: ${DEFAULT-VALUE}).")
    private int workers = 2;

    @Option(
            names = "--enrich-calls",
            paramLabel = "C",
            description = "Virtual threads of the enrich stage: calls to the HTTP service in flight at once "
                    + "(default: ${DEFAULT-VALUE}).")
    private int enrichCalls = 400;

    @Option(names = "--no-hud", description = "No live view and no progress lines: only the final results.")
    private boolean noHud;

    @Option(
            names = "--db",
            paramLabel = "PATH",
            description = "Keep the H2 database in PATH.mv.db (its tables are recreated). "
                    + "Default: a temporary directory, deleted at the end.")
    private Path db;

    private RunReport lastReport;
    private URI serviceUri;

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

    /** The address the enrichment service of the last run listened on, for tests. */
    Optional<URI> serviceUri() {
        return Optional.ofNullable(serviceUri);
    }

    @Override
    public Integer call() throws IOException {
        positive("--threads", threads);
        positive("--workers", workers);
        positive("--enrich-calls", enrichCalls);
        if (limit != null) {
            positive("--rows", limit);
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

    private void positive(String option, long value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be at least 1, was " + value);
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
        boolean processes = CensusPipeline.processModulePresent();
        var settings = new CensusPipeline.Settings(
                limit != null ? limit : Long.MAX_VALUE, threads, workers, enrichCalls, processes);
        out.printf(Locale.ROOT, "Census of %s%n", reader.root());
        out.printf(
                Locale.ROOT,
                "  %s, parse on %d thread%s, H2 database %s%s%n",
                limit != null ? "first " + limit + " .java files" : "all .java files",
                threads,
                threads == 1 ? "" : "s",
                CensusStore.url(dbBase),
                temporary ? " (temporary)" : "");
        out.printf(
                Locale.ROOT,
                processes
                        ? "  fingerprint in %d worker process%s%n"
                        : "  fingerprint on %d thread%s (note: the minigun-process module is not on the class path; "
                                + "with it, this stage runs in worker processes)%n",
                processes ? workers : threads,
                processes ? (workers == 1 ? "" : "es") : (threads == 1 ? "" : "s"));
        out.flush();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (EnrichmentService service = EnrichmentService.start();
                EnrichmentClient client = new EnrichmentClient(service.uri());
                CensusStore store = CensusStore.create(dbBase, temporary)) {
            serviceUri = service.uri();
            out.printf(
                    Locale.ROOT,
                    "  enrich: %d calls at once on virtual threads to %s/area (%d-%d ms a call)%n%n",
                    enrichCalls,
                    service.uri(),
                    EnrichmentService.MIN_LATENCY_MS,
                    EnrichmentService.MAX_LATENCY_MS);
            out.flush();
            var pipeline = CensusPipeline.build(reader, settings, client::enrich, store::insert);
            var plan = pipeline.plan();
            RunReport report;
            Running running = pipeline.start();
            guard.cancelOnShutdown(running);
            Hud hud = noHud
                    ? null
                    : Hud.start(running, plan, out, () -> {
                        interrupted.set(true);
                        running.cancel();
                    });
            try {
                report = running.await();
            } catch (PipelineException e) {
                closeHud(hud, err);
                hud = null;
                Optional<RunReport> partial = e.report();
                if (interrupted.get()
                        || partial.map(r -> r.outcome().equals("cancelled")).orElse(false)) {
                    out.println("minigun demo: cancelled; the partial report:");
                    partial.ifPresent(out::print);
                    return ExitCodes.INTERRUPTED;
                }
                err.println("minigun demo: the run failed: " + e.getMessage());
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (!String.valueOf(e.getMessage()).contains(cause.toString())) {
                        err.println("  caused by: " + cause);
                    }
                }
                partial.ifPresent(err::print);
                return ExitCodes.FAILED;
            } finally {
                closeHud(hud, err);
            }
            lastReport = report;
            long read = report.stage("read").out();
            long stored = store.storedFiles();
            long incomplete = store.incompleteRows();
            printResults(out, store);
            out.println();
            out.print(plan.explain());
            out.println();
            out.print(report);
            out.println();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "Census took %.2f s (pipeline run %d ms)%n",
                    seconds,
                    report.elapsed().toMillis());
            boolean ok = true;
            if (stored != read) {
                out.printf(Locale.ROOT, "check FAILED: stored rows (%d) != files read (%d)%n", stored, read);
                ok = false;
            } else {
                out.printf(Locale.ROOT, "check: stored rows = files read (%d)%n", read);
            }
            if (incomplete != 0) {
                out.printf(
                        Locale.ROOT,
                        "check FAILED: %d of %d stored rows lack an area or a fingerprint%n",
                        incomplete,
                        stored);
                ok = false;
            } else {
                out.printf(Locale.ROOT, "check: every stored row has an area and a fingerprint (%d)%n", stored);
            }
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (SQLException e) {
            err.println("minigun demo: database error on " + CensusStore.url(dbBase) + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("minigun demo: cannot start the enrichment service on the loopback address: " + e);
            return ExitCodes.FAILED;
        }
    }

    /** Stops the live view (restoring the terminal) before anything else is printed; its failure is only a warning. */
    private static void closeHud(Hud hud, PrintWriter err) {
        if (hud == null) {
            return;
        }
        try {
            hud.close();
        } catch (RuntimeException e) {
            err.println("minigun demo: warning: the live view failed: " + e);
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
        out.println();

        List<AreaTotal> areas = store.topAreas(TOP);
        out.printf(Locale.ROOT, "Top %d areas by files (from the enrichment service)%n", areas.size());
        TextColumns areaTable = new TextColumns("area", ">files", ">lines");
        for (AreaTotal a : areas) {
            areaTable.row(a.area(), a.files(), a.lines());
        }
        out.print(areaTable.render("  "));
        out.println();

        Duplicates dup = store.duplicates();
        out.printf(
                Locale.ROOT,
                "Fingerprints: %s files share their shape (the same code up to names, constants, comments and layout) "
                        + "with another, in %s groups%n",
                TextColumns.number(dup.files()),
                TextColumns.number(dup.groups()));
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

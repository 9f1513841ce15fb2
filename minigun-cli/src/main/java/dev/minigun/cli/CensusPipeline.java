package dev.minigun.cli;

import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.ItemFunction;
import dev.minigun.Pipeline;
import dev.minigun.Sink;
import java.util.List;

/**
 * The definition of the demo's pipeline, a census of Java sources, kept apart from running it so
 * that {@code minigun explain demo} and tests can build it without reading a byte:
 *
 * <pre>
 * read (producer) ─▶ parse (threads(n)) ─▶ fingerprint (processes(w), or threads(n)) ─▶
 *   enrich (virtualThreads(v), HTTP) ─▶ batch (500) ─▶ store (threads(1), H2)
 * </pre>
 *
 * <p>{@code read} streams the {@code .java} files one by one ({@link SourceReader}) and declares
 * how many there are, for the progress view; {@code parse} counts each file's lines, tokens and
 * identifiers on a pool ({@link SourceAnalyzer}); {@code fingerprint} hashes its token stream
 * ({@link Fingerprint}), CPU-heavy work that runs in worker processes when the
 * {@code minigun-process} module is on the class path; {@code enrich} asks a slow web service for
 * the file's area ({@link EnrichmentClient}), hundreds of calls at once on virtual threads;
 * {@code batch} groups the rows so that the database sees few, large transactions; {@code store}
 * writes them.
 */
public final class CensusPipeline {
    /** The pipeline's name. */
    public static final String NAME = "jdk-census";
    /** Files per database transaction. */
    public static final int BATCH_SIZE = 500;
    /**
     * Batches that may wait for the store at once. The default queue (1024 items) would let about
     * half a million parsed files pile up in memory if the database fell behind; a few batches are
     * enough to keep the store busy while the parse pool fills the next one.
     */
    public static final int STORE_QUEUE = 4;
    /** The class that, when present, runs stages on {@code Exec.processes(n)}. */
    public static final String PROCESS_PROVIDER = "dev.minigun.process.ProcessContextProvider";

    /**
     * How the census runs.
     *
     * @param limit read at most this many files
     * @param threads platform threads of {@code parse} (and of {@code fingerprint} without workers)
     * @param workers worker processes of {@code fingerprint}, when {@code processes}
     * @param enrichCalls virtual threads of {@code enrich}: calls to the web service at once
     * @param processes whether {@code fingerprint} runs in worker processes
     */
    public record Settings(long limit, int threads, int workers, int enrichCalls, boolean processes) {

        /** Where {@code fingerprint} runs. */
        public Exec fingerprintExec() {
            return processes ? Exec.processes(workers) : Exec.threads(threads);
        }
    }

    private CensusPipeline() {}

    /** Whether the worker-process module is on the class path, so that {@code Exec.processes} can run. */
    public static boolean processModulePresent() {
        try {
            Class.forName(PROCESS_PROVIDER, false, CensusPipeline.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The census of {@code source} with {@code settings}: each file's area comes from {@code enrich},
     * each batch of rows goes to {@code store}.
     */
    public static Pipeline build(
            SourceReader source,
            Settings settings,
            ItemFunction<Fingerprinted, CensusRow> enrich,
            Sink<List<CensusRow>> store) {
        Pipeline p = Pipeline.create(NAME);
        if (settings.processes()) {
            p.config().maxProcesses(Math.max(settings.workers(), 1));
        }
        p.config().maxVirtualThreads(Math.max(settings.enrichCalls(), 1));
        p.producer("read", (Emitter<SourceFile> out) -> {
                    // Counting the entries of a zip reads its central directory only: a few milliseconds.
                    out.expect(source.count(settings.limit()));
                    source.read(settings.limit(), out::emit);
                })
                .map("parse", Exec.threads(settings.threads()), CensusPipeline::parse)
                // A static method: the stage's code travels to the workers as a serialized reference.
                .map("fingerprint", settings.fingerprintExec(), Fingerprint::of)
                .map("enrich", Exec.virtualThreads(settings.enrichCalls()), enrich)
                .batch("batch", BATCH_SIZE)
                // One thread, one connection. H2 embedded commits every transaction through the
                // single writer of its one MVStore file, so a second writing connection would wait
                // for the first rather than double the throughput, and the cores are better spent
                // parsing. One thread also keeps the JDBC connection confined to it during the run.
                .consume("store", Exec.threads(1).queueSize(STORE_QUEUE), store);
        return p;
    }

    private static ParsedFile parse(SourceFile file) {
        return new ParsedFile(SourceAnalyzer.analyze(file), file.text());
    }
}

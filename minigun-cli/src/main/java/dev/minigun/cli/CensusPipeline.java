package dev.minigun.cli;

import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Sink;
import java.util.List;

/**
 * The definition of the demo's pipeline, a census of Java sources, kept apart from running it so
 * that {@code minigun explain demo} and tests can build it without reading a byte:
 *
 * <pre>
 * read (producer) ─▶ parse (threads(n)) ─▶ batch (500) ─▶ store (threads(1), H2)
 * </pre>
 *
 * <p>{@code read} streams the {@code .java} files one by one ({@link SourceReader}); {@code parse}
 * counts each file's lines, tokens and identifiers on a pool ({@link SourceAnalyzer}); {@code batch}
 * groups the results so that the database sees few, large transactions; {@code store} writes them.
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

    private CensusPipeline() {}

    /**
     * The census of {@code source}: at most {@code limit} files, parsed on {@code threads} platform
     * threads, each batch handed to {@code store}.
     */
    public static Pipeline build(SourceReader source, long limit, int threads, Sink<List<FileStats>> store) {
        Pipeline p = Pipeline.create(NAME);
        p.producer("read", (Emitter<SourceFile> out) -> source.read(limit, out::emit))
                .map("parse", Exec.threads(threads), SourceAnalyzer::analyze)
                .batch("batch", BATCH_SIZE)
                // One thread, one connection. H2 embedded commits every transaction through the
                // single writer of its one MVStore file, so a second writing connection would wait
                // for the first rather than double the throughput, and the cores are better spent
                // parsing. One thread also keeps the JDBC connection confined to it during the run.
                .consume("store", Exec.threads(1).queueSize(STORE_QUEUE), store);
        return p;
    }
}

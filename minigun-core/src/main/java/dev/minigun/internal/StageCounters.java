package dev.minigun.internal;

/**
 * What one stage has done in a run, counted from any number of threads. For every stage, at every
 * moment after its threads stop: {@code in = completed + failed + filtered + deadLettered +
 * cancelled}, and every
 * item delivered to a stage's queue was either taken ({@code in}) or is still queued. Those two
 * equalities are the no-loss guarantee, and the run report exposes every term.
 */
public final class StageCounters {
    /** Items received. */
    public final Counter in;
    /** Items whose processing finished without error and that were not filtered. */
    public final Counter completed;
    /** Items whose processing threw. */
    public final Counter failed;
    /** Items a filter dropped. */
    public final Counter filtered;
    /** Items sent to a dead-letter stage after failing here. */
    public final Counter deadLettered;
    /** Retry attempts made (an item tried three times counts two). */
    public final Counter retried;
    /** The last exception the stage's code threw (failed, retried or dead-lettered), if any. */
    public volatile Throwable lastError;
    /** How many items a producer declared it will emit, or -1. */
    public volatile long expected = -1;
    /** Items being processed when the run was cancelled. */
    public final Counter cancelled;
    /** Items the stage emitted (one per emit or emitTo call). */
    public final Counter emitted;
    /** Deliveries to downstream stages (a broadcast to three branches is three). */
    public final Counter delivered;
    /** Nanoseconds spent in the stage's code, including stages it calls directly. */
    public final Counter busyNanos;
    /** Per-item processing time. */
    public final LatencyHistogram latency = new LatencyHistogram();

    /**
     * Counters for a stage whose code at most {@code writers} threads run at once: one writer counts
     * without atomic instructions. Every count of one stage is written by the threads that run it
     * (a batch's timer and final flush hold the batch's lock).
     */
    public StageCounters(int writers) {
        in = Counter.forWriters(writers);
        completed = Counter.forWriters(writers);
        failed = Counter.forWriters(writers);
        filtered = Counter.forWriters(writers);
        deadLettered = Counter.forWriters(writers);
        retried = Counter.forWriters(writers);
        cancelled = Counter.forWriters(writers);
        emitted = Counter.forWriters(writers);
        delivered = Counter.forWriters(writers);
        busyNanos = Counter.forWriters(writers);
    }
}

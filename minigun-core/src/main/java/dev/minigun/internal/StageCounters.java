package dev.minigun.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one stage has done in a run, counted from any number of threads. For every stage, at every
 * moment after its threads stop: {@code in = completed + failed + filtered + deadLettered +
 * cancelled}, and every
 * item delivered to a stage's queue was either taken ({@code in}) or is still queued. Those two
 * equalities are the no-loss guarantee, and the run report exposes every term.
 */
public final class StageCounters {
    /** Items received. */
    public final LongAdder in = new LongAdder();
    /** Items whose processing finished without error and that were not filtered. */
    public final LongAdder completed = new LongAdder();
    /** Items whose processing threw. */
    public final LongAdder failed = new LongAdder();
    /** Items a filter dropped. */
    public final LongAdder filtered = new LongAdder();
    /** Items sent to a dead-letter stage after failing here. */
    public final LongAdder deadLettered = new LongAdder();
    /** Retry attempts made (an item tried three times counts two). */
    public final LongAdder retried = new LongAdder();
    /** The last exception the stage's code threw (failed, retried or dead-lettered), if any. */
    public volatile Throwable lastError;
    /** How many items a producer declared it will emit, or -1. */
    public volatile long expected = -1;
    /** Items being processed when the run was cancelled. */
    public final LongAdder cancelled = new LongAdder();
    /** Items the stage emitted (one per emit or emitTo call). */
    public final LongAdder emitted = new LongAdder();
    /** Deliveries to downstream stages (a broadcast to three branches is three). */
    public final LongAdder delivered = new LongAdder();
    /** Nanoseconds spent in the stage's code, including stages it calls directly. */
    public final LongAdder busyNanos = new LongAdder();
    /** Per-item processing time. */
    public final LatencyHistogram latency = new LatencyHistogram();
}

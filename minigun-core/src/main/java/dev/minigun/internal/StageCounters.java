package dev.minigun.internal;

/**
 * What one stage has done in a run, counted from any number of threads. For every stage, at every
 * moment after its threads stop: {@code in = completed + failed + filtered + deadLettered +
 * cancelled}, and every item delivered to a stage's queue was either taken ({@code in}) or is still
 * queued. Those two equalities are the no-loss guarantee, and the run report exposes every term.
 *
 * <p>A fused chain counts each item once, at its head: the count of a producer's or a queue
 * worker's hand-on. A map, filter or sink counts only its other outcomes (filtered, failed, an item
 * sent to a queue...); the items it received and did not count took its one uncounted path, which
 * for a sink is "completed" and for a map or filter "completed and handed on", so the next stage's
 * count in is derived from them in turn ({@link #totals}). Nothing per item is then
 * written inside the chain, and statistics nobody reads cost one count per item.
 */
public final class StageCounters {
    /**
     * Whether stages count at all: true unless the system property {@code minigun.stats} is {@code
     * off}. Only for measuring what counting costs (benchmark {@code StatsCost}): with it off, every
     * count and latency in the run report reads zero.
     */
    public static final boolean ENABLED = !"off".equals(System.getProperty("minigun.stats"));

    /** Items received, but see {@link #totals}: a fused sender counts what it hands on in its own counts. */
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
    /** Deliveries to downstream stages (a broadcast to three branches is three), but see {@link #handedOn}. */
    public final Counter delivered;
    /**
     * Items an {@link Outlet} handed straight to the stage's sole colocated downstream stage: each is
     * one emission and one delivery, counted once instead of twice on the hottest path there is. See
     * {@link #totals} for those a fused map or filter handed on without counting.
     */
    public final Counter handedOn;
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
        in = counter(writers);
        completed = counter(writers);
        failed = counter(writers);
        filtered = counter(writers);
        deadLettered = counter(writers);
        retried = counter(writers);
        cancelled = counter(writers);
        emitted = counter(writers);
        delivered = counter(writers);
        busyNanos = counter(writers);
        handedOn = counter(writers);
    }

    private static Counter counter(int writers) {
        return ENABLED ? Counter.forWriters(writers) : Counter.off();
    }

    /** The counts of the stages that hand items straight to this one; set while the run is wired. */
    private final java.util.List<StageCounters> feeders = new java.util.ArrayList<>();

    /** Whether the stage settles items without counting them (a map, filter or sink); set while wired. */
    private volatile boolean settlesUncounted;

    /** Whether the items it settles uncounted were handed to its fused downstream stage; set while wired. */
    private volatile boolean handsOnUncounted;

    /** Declares that the stage settles items on a path that counts nothing (see {@link #totals}). */
    void settlesUncounted() {
        settlesUncounted = true;
    }

    /** Declares whether what the stage settles uncounted has been handed on to a fused downstream stage. */
    void handsOnUncounted(boolean handsOn) {
        handsOnUncounted = handsOn;
    }

    /**
     * A stage's sums at one moment, each read once: the report's in, out, deliveries and completed.
     *
     * @param in items received (its own count plus what fused senders handed on)
     * @param emitted items emitted, one per emit or emitTo call
     * @param delivered deliveries to downstream stages
     * @param completed items processed without error and not filtered, counted or settled uncounted
     */
    public record Totals(long in, long emitted, long delivered, long completed) {}

    /**
     * This stage's sums now. Items it settled on its uncounted path (received, and counted neither
     * completed, failed, filtered, dead-lettered nor cancelled) are completed, and, for a map or
     * filter with a fused downstream stage, handed on. While the stage runs that also counts the
     * items in its hands; once its threads have stopped it is exact. The outcomes are read before
     * the count in, so a reader racing the stage never sees a negative number.
     */
    public Totals totals() {
        long completedCounted = completed.sum();
        long counted = completedCounted + otherOutcomes();
        long received = received();
        long uncounted = uncounted(counted, received);
        long handed = handedOn.sum() + (handsOnUncounted ? uncounted : 0);
        return new Totals(received, emitted.sum() + handed, delivered.sum() + handed, completedCounted + uncounted);
    }

    /** Items failed, filtered, dead-lettered or cancelled here. */
    private long otherOutcomes() {
        return failed.sum() + filtered.sum() + deadLettered.sum() + cancelled.sum();
    }

    /** Items received: its own count plus what its fused senders handed on. */
    private long received() {
        long sum = in.sum();
        for (StageCounters f : feeders) {
            sum += f.handed();
        }
        return sum;
    }

    /** Items handed straight to the sole fused downstream stage, counted or not: that stage's count in from this one. */
    private long handed() {
        if (!handsOnUncounted) {
            return handedOn.sum();
        }
        long counted = completed.sum() + otherOutcomes();
        return handedOn.sum() + uncounted(counted, received());
    }

    /** Of {@code received} items, those settled on the uncounted path, given the {@code counted} outcomes read first. */
    private long uncounted(long counted, long received) {
        return settlesUncounted ? Math.max(0, received - counted) : 0;
    }

    /**
     * Makes {@code sender}'s {@link #handedOn} part of this stage's count in: {@code sender} calls this
     * stage directly as its only downstream. Called while the run is wired, before any thread starts.
     */
    void feedFrom(StageCounters sender) {
        feeders.add(sender);
    }
}

package dev.minigun.internal;

import dev.minigun.DeadLetter;
import dev.minigun.ErrorPolicy;

/**
 * The runtime of one non-producer stage: receives an item, runs the user's code on it, and
 * accounts for the outcome. Every path out of {@link #accept} settles the item exactly once, as
 * completed, filtered, failed, dead-lettered or cancelled, which is what makes loss visible. One
 * path counts nothing: a map or filter that hands the item straight to its fused downstream stage,
 * and a sink that consumed it, leave it to {@link StageCounters#totals}, which derives
 * those items from the counts of the chain's head. Subclasses differ only in what they do with an
 * item.
 *
 * <p>Fused chains: a stage whose only downstream is colocated calls it directly through {@link
 * #next}. The JIT keeps one type profile per call instruction, so a call written once here would
 * see every kind of stage and could not be inlined; the map, filter and sink stages therefore
 * override {@link #acceptCounted} and {@link #acceptTimed} and make the call to {@code next} in
 * their own code, where a chain such as map → filter → sink sees one receiver per call and
 * compiles into one loop body (as Reactor's operators do, each with its own {@code onNext}). Those
 * overrides are near-copies on purpose: folding them into one method here would undo it. Within a
 * class, the counted and the timed path are written out separately too: a shared helper taking a
 * {@code timed} flag was compiled once with both paths, the timed one with the clock and the
 * histogram inlined, and C2 then refused to inline that "big method" into the producer's loop
 * (PrintInlining: "already compiled into a big method"); now the counted chain inlines whole.
 */
public abstract sealed class StageNode
        permits ProcessNode, MapNode, FilterNode, BatchNode, MergeNode, SinkNode, RemoteNode {
    /**
     * One item in this many is timed for the latency histogram and the busy time (a power of two).
     * Rare enough that the JIT leaves the timing code out of line (it inlines no call made less often
     * than about one time in 117), so a fused chain still compiles into one small loop body; at 64
     * the inlined histogram code pushed the chain past the inlining budget and cost 40 % (benchmark
     * {@code StatsCost}).
     */
    static final int SAMPLE_EVERY = 256;

    private final String name;
    private final ErrorPolicy policy;
    private final RunControl control;
    /** What this stage has done. */
    protected final StageCounters counters;
    /** Where this stage sends its results; set once while the run is wired. */
    protected Outlet out;
    /** The sole downstream stage when it is colocated (a direct call), else {@code null}; set with {@link #out}. */
    protected StageNode next;

    StageNode(String name, ErrorPolicy policy, RunControl control, StageCounters counters) {
        this.name = name;
        this.policy = policy;
        this.control = control;
        this.counters = counters;
    }

    /** The stage's name. */
    public final String name() {
        return name;
    }

    /** The run's shared state. */
    final RunControl control() {
        return control;
    }

    /** The stage's error policy. */
    final ErrorPolicy policy() {
        return policy;
    }

    /** Connects the stage to its downstream targets. */
    public final void connect(Outlet outlet) {
        this.out = outlet;
        this.next = outlet.soleColocated();
        counters.handsOnUncounted(next != null);
    }

    /**
     * Processes one item and accounts for it exactly once: completed or filtered (by the stage),
     * failed, dead-lettered, or cancelled. Failures follow the stage's {@link ErrorPolicy}, retries
     * included. Throws only {@link RunCancelledException}.
     */
    public final void accept(Object item) {
        if (sampleDue(counters.in.tick())) {
            acceptTimed(item);
        } else {
            acceptCounted(item);
        }
    }

    /**
     * As {@link #accept}, for an item already counted in: by {@link #accept}, or by a fused sender,
     * whose count of what it handed on is this stage's count in (see {@link StageCounters#totals}).
     * Not timed.
     */
    void acceptCounted(Object item) {
        run(item, null, false);
    }

    /**
     * As {@link #acceptCounted}, timed, and so is every fused stage it calls with this item: the head
     * of a fused chain decides which items are timed, so the stages inside it read no clock and keep
     * no sampling count of their own.
     */
    void acceptTimed(Object item) {
        run(item, null, true);
    }

    /**
     * Whether to time the item that brought a count ({@link Counter#tick}) to {@code count}: the first,
     * so that small runs still get a latency, and one in {@link #SAMPLE_EVERY} after it. The clock
     * costs 50-200 ns a read on some machines, more than a fused stage itself, and busy time is
     * scaled up from the samples.
     */
    static boolean sampleDue(long count) {
        return StageCounters.ENABLED && ((count - 1) & (SAMPLE_EVERY - 1)) == 0;
    }

    /**
     * Goes on with an item, already counted in, whose attempt failed elsewhere (a remote batch, or a
     * fused stage's own fast path): the failure takes the same path as any other, retries and error
     * policy included.
     */
    final void continueFailed(Object item, Throwable failure) {
        run(item, failure, false);
    }

    /** The whole road of an item through {@link #handle}: timing, retries, error policy, accounting. */
    final void run(Object item, Throwable firstFailure, boolean timed) {
        long start = timed ? System.nanoTime() : 0;
        Throwable pending = firstFailure;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (pending != null) {
                        Throwable t = pending;
                        pending = null;
                        throw t;
                    }
                    handle(item);
                    return;
                } catch (RunCancelledException e) {
                    counters.cancelled.increment();
                    throw e;
                } catch (Throwable t) {
                    if (isInterruption(t) && control.isCancelled()) {
                        counters.cancelled.increment();
                        throw new RunCancelledException();
                    }
                    counters.lastError = t;
                    if (policy instanceof ErrorPolicy.Retry retry && !isInterruption(t) && retry.retries(t, attempt)) {
                        counters.retried.increment();
                        try {
                            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(
                                    retry.delayAfter(attempt).toNanos());
                            continue;
                        } catch (InterruptedException stopped) {
                            if (control.isCancelled()) {
                                counters.cancelled.increment();
                                throw new RunCancelledException();
                            }
                            // Interrupted by something else: the item fails now, with its cause, and
                            // the interrupt is left for the stage's code to see.
                            Thread.currentThread().interrupt();
                            t.addSuppressed(stopped);
                        }
                    }
                    settle(item, t, attempt);
                    return;
                }
            }
        } finally {
            if (timed) {
                timed(start);
            }
        }
    }

    /**
     * Sends {@code result}, what the stage made of {@code item}, through the outlet (to a queued
     * downstream stage, several, or none) and counts the item completed; a failure to send is the
     * item's failure. The path of a map or filter whose downstream stage is not fused to it.
     */
    final void emitCompleted(Object item, Object result) {
        try {
            out.emit(result);
            counters.completed.increment();
        } catch (Throwable t) {
            continueFailed(item, t);
        }
    }

    /** Records the time an item took since {@code start}, a sample standing for {@link #SAMPLE_EVERY} items. */
    final void timed(long start) {
        long took = System.nanoTime() - start;
        counters.busyNanos.add(took * SAMPLE_EVERY);
        counters.latency.record(took);
    }

    /** The item failed for good: dead-letter it, or count it failed (and maybe cancel the run). */
    private void settle(Object item, Throwable error, int attempts) {
        ErrorPolicy terminal = policy instanceof ErrorPolicy.Retry retry ? retry.exhausted() : policy;
        if (terminal instanceof ErrorPolicy.DeadLetterTo to) {
            try {
                out.sendDeadLetter(to.stage(), new DeadLetter(item, name, error, attempts));
                counters.deadLettered.increment();
                return;
            } catch (RunCancelledException e) {
                counters.cancelled.increment();
                throw e;
            } catch (Throwable sendFailure) {
                error.addSuppressed(sendFailure);
                terminal = ErrorPolicy.failFast(); // a dead letter that cannot be delivered must not vanish
            }
        }
        counters.failed.increment();
        control.failed(Failure.of(name, item, attempts, error), terminal);
    }

    /** Runs the stage's code on {@code item}; counts completed or filtered on success. */
    abstract void handle(Object item) throws Exception;

    /** Emits what the stage still holds at end of stream; returns whether it emitted anything. */
    public boolean flush() {
        return false;
    }

    /** For a cancelled run, once every thread has stopped: accounts for what the stage still holds. */
    public void discardOnCancel() {}

    static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException
                    || c instanceof RunCancelledException
                    || c instanceof java.io.InterruptedIOException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        // Not the thread's flag: once a run is cancelled every thread is interrupted, and a real
        // failure thrown then must still be reported (as suppressed), not passed off as the cancel.
        return false;
    }
}

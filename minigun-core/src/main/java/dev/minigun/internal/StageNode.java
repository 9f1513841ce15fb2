package dev.minigun.internal;

import dev.minigun.DeadLetter;
import dev.minigun.ErrorPolicy;

/**
 * The runtime of one non-producer stage: receives an item, runs the user's code on it, and
 * accounts for the outcome. Every path out of {@link #accept} counts the item exactly once, as
 * completed, filtered, failed, or cancelled, which is what makes loss visible. Subclasses differ
 * only in what they do with an item.
 */
public abstract sealed class StageNode
        permits ProcessNode, MapNode, FilterNode, BatchNode, MergeNode, SinkNode, RemoteNode {
    /** One item in this many is timed for the latency histogram and the busy time (a power of two). */
    static final int SAMPLE_EVERY = 64;

    private final String name;
    private final ErrorPolicy policy;
    private int sampleTick = -1; // so the first item is timed: small runs still get a latency
    private final RunControl control;
    /** What this stage has done. */
    protected final StageCounters counters;
    /** Where this stage sends its results; set once while the run is wired. */
    protected Outlet out;

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
    }

    /**
     * Processes one item and accounts for it exactly once: completed or filtered (by the stage),
     * failed, dead-lettered, or cancelled. Failures follow the stage's {@link ErrorPolicy}, retries
     * included. Throws only {@link RunCancelledException}.
     */
    public final void accept(Object item) {
        counters.in.increment();
        run(item, null);
    }

    /**
     * Goes on with an item, already counted in, whose attempt failed elsewhere (a remote batch): the
     * failure takes the same path as a local one, retries and error policy included.
     */
    final void continueFailed(Object item, Throwable failure) {
        run(item, failure);
    }

    private void run(Object item, Throwable firstFailure) {
        // The clock costs 50-200 ns a read on some machines, more than a fused stage itself: time one
        // item in SAMPLE_EVERY (a racy counter is fine for sampling) and scale busy time up.
        boolean timed = (++sampleTick & (SAMPLE_EVERY - 1)) == 0;
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
                long took = System.nanoTime() - start;
                counters.busyNanos.add(took * SAMPLE_EVERY);
                counters.latency.record(took);
            }
        }
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
            } catch (RuntimeException sendFailure) {
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

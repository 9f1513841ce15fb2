package dev.minigun.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Termination detection for a run: counts the units of work that may still send an item anywhere.
 * A live producer is one unit; a queue is one unit while it holds work, items waiting or taken and
 * not yet finished (including every direct call the stage made with them; see {@link Channel}); a
 * timed batch flush is one unit while it runs. A queue enters before its first item can be taken
 * and exits once its last is finished, and whoever puts an item is inside a unit of its own, so the
 * count reaches zero only when every producer has finished and no item is in flight anywhere: then
 * no stage can ever receive another item, whatever {@code emitTo} routes or cycles exist.
 *
 * <p>The end-of-stream lock serializes the two things that may still move items once the count is
 * zero: the final flush of partial batches and the timer of a timed batch.
 */
public final class Quiescence {
    private final AtomicLong pending = new AtomicLong();
    private final ReentrantLock endOfStreamLock = new ReentrantLock();
    private volatile Thread waiter;

    /** One more unit of work that may send items. */
    public void enter() {
        pending.incrementAndGet();
    }

    /** {@code n} more units of work (the producers, before they start). */
    public void enter(int n) {
        pending.addAndGet(n);
    }

    /** One unit of work has finished. */
    public void exit() {
        if (pending.decrementAndGet() == 0) {
            Thread t = waiter;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Whether no unit of work is pending now. */
    public boolean isQuiet() {
        return pending.get() == 0;
    }

    /**
     * Waits until no work is pending or {@code stop} says to stop; only the run's coordinator waits.
     * An interrupt of the coordinator ends the wait and is left set for the caller to see.
     */
    public void await(BooleanSupplier stop) {
        waiter = Thread.currentThread();
        try {
            while (pending.get() != 0
                    && !stop.getAsBoolean()
                    && !Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
            }
        } finally {
            waiter = null;
        }
    }

    /** Wakes the coordinator so it can look at the run again (after a cancel). */
    public void wake() {
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The lock held while partial batches are flushed, by the coordinator or a batch timer. */
    public ReentrantLock endOfStreamLock() {
        return endOfStreamLock;
    }
}

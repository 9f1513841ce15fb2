package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Groups items into unmodifiable lists of {@code size}. The final partial list is emitted at end of
 * stream ({@link #flush}); with a maximum wait, a partial list is also emitted once its first item
 * has waited that long, even while the upstream is slow. No empty list is ever emitted.
 *
 * <p>It may be called from several threads (inline under a pool) and from the run's timer, so the
 * buffer is guarded by a lock, held while a full list is emitted: lists leave in the order they
 * were filled.
 *
 * <p>One timer at most per stage, not one per list: a list's first item notes the time, and the
 * timer, when it fires, emits the list if that item has waited long enough, or sets itself for
 * when it will have. A fast upstream fills many lists per maximum wait, and they cost the timer
 * nothing (one task per list used to keep the run's timer thread busy at 100,000 lists a second).
 */
public final class BatchNode extends StageNode {
    private final int size;
    private final long maxWaitNanos;
    private final ScheduledExecutorService timer;
    private final Quiescence quiescence;
    private final ReentrantLock lock = new ReentrantLock();
    private ArrayList<Object> buffer;
    private long firstItemAt; // System.nanoTime() when the buffer's first item came; under lock
    private boolean timerSet; // under lock

    /**
     * The runtime of a batch stage; {@code timer} is {@code null} when {@code maxWaitNanos} is 0.
     */
    public BatchNode(
            String name,
            int size,
            long maxWaitNanos,
            ScheduledExecutorService timer,
            Quiescence quiescence,
            ErrorPolicy policy,
            RunControl control,
            StageCounters counters) {
        super(name, policy, control, counters);
        this.size = size;
        this.maxWaitNanos = maxWaitNanos;
        this.timer = timer;
        this.quiescence = quiescence;
        this.buffer = newBuffer();
    }

    private ArrayList<Object> newBuffer() {
        return new ArrayList<>(Math.min(size, 1024));
    }

    @Override
    void handle(Object item) {
        lock.lock();
        try {
            buffer.add(item);
            if (buffer.size() == 1 && timer != null) {
                firstItemAt = System.nanoTime();
                if (!timerSet) {
                    timerSet = schedule(maxWaitNanos);
                }
            }
            if (buffer.size() >= size) {
                emitLocked(buffer.size() - 1); // this item is counted below, once the list has left
            }
            counters.completed.increment();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Emits the buffer as one list. Buffered items count as completed; if the list cannot leave,
     * the {@code counted} items of it already counted move to cancelled (or failed), so the report
     * never calls an item done that no stage received.
     */
    private void emitLocked(int counted) {
        List<Object> full = Collections.unmodifiableList(buffer);
        buffer = newBuffer();
        try {
            out.emit(full);
        } catch (RunCancelledException e) {
            counters.completed.add(-counted);
            counters.cancelled.add(counted);
            throw e;
        } catch (RuntimeException | Error e) {
            counters.completed.add(-counted);
            counters.failed.add(counted);
            throw e;
        }
    }

    /** Sets the timer to fire in {@code nanos}; whether it is set. */
    private boolean schedule(long nanos) {
        try {
            timer.schedule(this::timedFlush, nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // the run is ending: the final flush at end of stream takes care of the buffer
        }
    }

    private void timedFlush() {
        // The end-of-stream lock keeps the coordinator from concluding while this flush moves items.
        try {
            quiescence.endOfStreamLock().lockInterruptibly();
        } catch (InterruptedException e) {
            return; // the run is stopping; the buffer is accounted for at the end
        }
        try {
            lock.lock();
            try {
                timerSet = false;
                if (!buffer.isEmpty()) {
                    long waited = System.nanoTime() - firstItemAt;
                    if (waited >= maxWaitNanos) {
                        emitLocked(buffer.size());
                    } else {
                        timerSet = schedule(maxWaitNanos - waited); // a later list: its own time
                    }
                }
            } finally {
                lock.unlock();
            }
        } catch (RunCancelledException e) {
            // cancelled while emitting: the run is stopping
        } catch (Throwable t) {
            if (!control().isCancelled()) {
                control().failed(name(), "timed flush of a partial batch", t, policy());
            }
        } finally {
            quiescence.endOfStreamLock().unlock();
        }
    }

    /**
     * For a cancelled run, once every thread has stopped: the items still buffered will never
     * leave, so they move from completed to cancelled, and the report counts them in flight.
     */
    @Override
    public void discardOnCancel() {
        if (!lock.tryLock()) {
            return; // an abandoned thread still holds the buffer; the exception names it
        }
        try {
            counters.completed.add(-buffer.size());
            counters.cancelled.add(buffer.size());
            buffer = newBuffer();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean flush() {
        lock.lock();
        try {
            if (buffer.isEmpty()) {
                return false;
            }
            emitLocked(buffer.size());
            return true;
        } finally {
            lock.unlock();
        }
    }
}

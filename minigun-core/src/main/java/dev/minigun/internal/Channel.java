package dev.minigun.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue in front of a stage that owns contexts: many senders, many takers, FIFO.
 * {@link #put} blocks while it is full (backpressure), so a run holds at most its capacity here.
 * {@link #close} ends it gracefully: takers drain what is left, then get {@code null}.
 * {@link #abort} ends it at once for a cancelled run: everyone blocked wakes, senders throw
 * {@link RunCancelledException}, takers get {@code null}.
 *
 * <p>It is a plain lock-and-conditions ring: it also keeps the peak depth, which tests and the
 * report use to show that backpressure held.
 */
public final class Channel {
    private final String stage;
    private final Object[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private int peak;
    private boolean closed;
    private volatile boolean aborted;

    /** A queue of {@code capacity} items in front of {@code stage}. */
    public Channel(String stage, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity of the queue of '" + stage + "' must be positive: " + capacity);
        }
        this.stage = stage;
        this.ring = new Object[capacity];
    }

    /** Adds {@code item}, waiting while the queue is full. */
    public void put(Object item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == ring.length && !aborted) {
                notFull.await();
            }
            if (aborted) {
                throw new RunCancelledException();
            }
            if (closed) {
                throw new IllegalStateException("queue of '" + stage + "' is closed");
            }
            ring[(head + count) % ring.length] = item;
            count++;
            if (count > peak) {
                peak = count;
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next item, waiting for one; {@code null} once the queue is closed and drained, or aborted. */
    public Object take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (closed || aborted) {
                    return null;
                }
                notEmpty.await();
            }
            return aborted ? null : takeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #take}, waiting at most {@code nanos}; {@code null} also when the time ran out. */
    public Object poll(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (count == 0) {
                if (closed || aborted || left <= 0) {
                    return null;
                }
                left = notEmpty.awaitNanos(left);
            }
            return aborted ? null : takeLocked();
        } finally {
            lock.unlock();
        }
    }

    private Object takeLocked() {
        Object item = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        notFull.signal();
        return item;
    }

    /** No more items will come: takers drain what is left, then get {@code null}. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Cancels: wakes every waiter; later puts throw, takes return {@code null}. */
    public void abort() {
        aborted = true;
        boolean locked = false;
        try {
            // A thread stuck holding the lock must not stop the abort of the others.
            locked = lock.tryLock(50, TimeUnit.MILLISECONDS);
            if (locked) {
                notEmpty.signalAll();
                notFull.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** How many items wait now. */
    public int depth() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** The most items that ever waited at once. */
    public int peakDepth() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** How many items it can hold. */
    public int capacity() {
        return ring.length;
    }
}

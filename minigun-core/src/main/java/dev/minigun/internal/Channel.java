package dev.minigun.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue in front of a stage that owns contexts: many senders, many takers, FIFO.
 * {@link #put} blocks while it is full (backpressure), so a run holds at most its capacity here.
 * {@link #close} ends it gracefully: takers drain what is left, then get {@code null}.
 * {@link #abort} ends it at once for a cancelled run: everyone blocked wakes, senders throw
 * {@link RunCancelledException}, takers get {@code null}.
 *
 * <p>One exception to the bound: a thread that takes from this queue (one of the stage's own
 * workers) never waits to put into it. Such a put comes from an {@code emitTo} cycle through the
 * stage itself, and waiting would mean waiting for itself; the queue grows past its capacity
 * instead, by what the cycle has in flight.
 *
 * <p>It is a plain lock-and-conditions ring that also keeps the peak depth, which tests and the
 * report use to show that backpressure held.
 */
public final class Channel {
    private final String stage;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final CopyOnWriteArrayList<Thread> takers = new CopyOnWriteArrayList<>();
    private Object[] ring;
    private int head;
    private int count;
    private int peak;
    private boolean closed;
    private volatile boolean aborted;

    /** A queue of {@code capacity} items in front of {@code stage}. */
    public Channel(String stage, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(
                    "capacity of the queue of '" + stage + "' must be positive: " + capacity);
        }
        this.stage = stage;
        this.capacity = capacity;
        this.ring = new Object[capacity];
    }

    /** Registers the calling thread as one of the stage's workers, which take from this queue. */
    public void registerTaker() {
        takers.add(Thread.currentThread());
    }

    /** Adds {@code item}, waiting while the queue is full (unless the caller is one of its takers). */
    public void put(Object item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean self = count >= capacity && takers.contains(Thread.currentThread());
            while (!self && count >= capacity && !aborted) {
                notFull.await();
            }
            if (aborted) {
                throw new RunCancelledException();
            }
            if (closed) {
                throw new IllegalStateException("queue of '" + stage + "' is closed");
            }
            if (count == ring.length) {
                grow();
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

    private void grow() {
        Object[] bigger = new Object[ring.length * 2];
        for (int i = 0; i < count; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
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
            if (aborted) {
                return null;
            }
            Object item = dequeueLocked();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** What {@link #poll} returns when no item came in time. */
    public static final Object TIMED_OUT = new Object() {
        @Override
        public String toString() {
            return "(timed out)";
        }
    };

    /**
     * The next item, waiting at most {@code nanos} for one: {@link #TIMED_OUT} when none came in
     * time, {@code null} once the queue is closed and drained, or aborted.
     */
    public Object poll(long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = nanos;
            while (count == 0) {
                if (closed || aborted) {
                    return null;
                }
                if (left <= 0) {
                    return TIMED_OUT;
                }
                left = notEmpty.awaitNanos(left);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** The calling thread no longer takes from this queue (a worker that left an adaptive pool). */
    public void unregisterTaker() {
        takers.remove(Thread.currentThread());
    }

    /** Moves up to {@code max} waiting items into {@code into} without waiting; returns how many. */
    public int drainTo(java.util.List<Object> into, int max) {
        lock.lock();
        try {
            if (aborted) {
                return 0;
            }
            int n = Math.min(max, count);
            for (int i = 0; i < n; i++) {
                into.add(dequeueLocked());
            }
            if (n > 0) {
                notFull.signalAll();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the oldest item; the caller holds the lock and knows the queue is not empty. */
    private Object dequeueLocked() {
        Object item = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        if (count == 0 && ring.length > capacity) {
            ring = new Object[capacity]; // a cycle has drained: give back what it grew
            head = 0;
        }
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

    /**
     * Cancels: wakes every waiter; later puts throw, takes return {@code null}. Safe to call from an
     * interrupted thread (the lock is only ever held briefly, so the wait for it is uninterruptible).
     */
    public void abort() {
        aborted = true;
        lock.lock();
        try {
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
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

    /** How many items it holds before senders wait. */
    public int capacity() {
        return capacity;
    }
}

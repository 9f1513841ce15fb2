package dev.minigun.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue in front of a stage that owns contexts: many senders, many takers, FIFO.
 * {@link #put} blocks while it is full (backpressure), so a run holds at most its capacity here.
 * {@link #close} ends it gracefully: takers drain what is left, then hear of the end. {@link #abort}
 * ends it at once for a cancelled run: everyone blocked wakes, senders throw {@link
 * RunCancelledException}, takers hear of the end.
 *
 * <p>Takers take in batches: {@link #fill} moves up to a {@link Hand}'s size of waiting items (and
 * no more than a fair share when several takers wait) into the taker's hand under one lock, so a
 * busy stage pays for the lock once per batch, not once per item. Items in a hand that the taker
 * has not started yet still count as waiting in {@link #depth} (so a report never loses them, even
 * from a worker that is stuck or was cancelled), and each hand holds at most {@link
 * #handSize()} of them: the queue bounds what waits here, and each of the stage's contexts holds
 * at most one hand besides.
 *
 * <p>One exception to the bound: a thread that takes from this queue (one of the stage's own
 * workers) never waits to put into it. Such a put comes from an {@code emitTo} cycle through the
 * stage itself, and waiting would mean waiting for itself; the queue grows past its capacity
 * instead, by what the cycle has in flight.
 *
 * <p>Termination detection: the queue is one unit of {@link Quiescence} while it holds work, that
 * is, items waiting or taken and not yet finished (a taker says how many it finished when it takes
 * again, or with {@link #finished}). It enters when that work goes from none to some and exits when
 * it goes back to none, under its own lock, so an item costs the run's shared count nothing while
 * the stage is busy. A sender is always inside a unit itself (a live producer, or an item it took
 * and has not finished), so the run cannot look quiet while an item is on its way here.
 *
 * <p>It is a plain lock-and-conditions ring that also keeps the peak depth, which tests and the
 * report use to show that backpressure held.
 */
public final class Channel {
    /** Most items a worker takes at once: a local stage's hand at most, a remote stage's batch always. */
    static final int MAX_HAND = 64;

    private final String stage;
    private final int capacity;
    private final Quiescence quiescence;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** The queue the current thread takes from, if it is a worker: a put into it never waits. */
    private static final ThreadLocal<Channel> TAKING_FROM = new ThreadLocal<>();

    private final java.util.concurrent.atomic.AtomicInteger takers = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Set<Hand> hands = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Object[] ring;
    private int head;
    private int count;
    private int peak;
    private long work; // items waiting plus items taken and not yet finished
    private boolean closed;
    private volatile boolean aborted;

    /** A queue of {@code capacity} items in front of {@code stage}, one unit of {@code quiescence} while it holds work. */
    public Channel(String stage, int capacity, Quiescence quiescence) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(
                    "capacity of the queue of '" + stage + "' must be positive: " + capacity);
        }
        this.stage = stage;
        this.capacity = capacity;
        this.quiescence = quiescence;
        this.ring = new Object[capacity];
    }

    /**
     * How many items a worker of this stage takes at most at once: an eighth of the capacity, at
     * least one and at most {@link #MAX_HAND}. A small queue keeps a tight bound (queue size 10:
     * one item at a time, as a bound of 10 asks); a large one moves in batches.
     */
    public int handSize() {
        return Math.clamp(capacity / 8, 1, MAX_HAND);
    }

    /**
     * Registers the calling thread as one of the stage's workers, which take from this queue into the
     * returned hand of {@code size} items.
     */
    public Hand registerTaker(int size) {
        TAKING_FROM.set(this);
        takers.incrementAndGet();
        Hand hand = new Hand(size);
        hands.add(hand);
        return hand;
    }

    /**
     * The calling thread no longer takes from this queue (a worker that left). Its hand stays
     * counted in {@link #depth} while it holds an item it has not started.
     */
    public void unregisterTaker(Hand hand) {
        TAKING_FROM.remove();
        takers.decrementAndGet();
        if (hand.left() == 0) {
            hands.remove(hand);
        }
    }

    /** Adds {@code item}, waiting while the queue is full (unless the caller is one of its takers). */
    public void put(Object item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean self = count >= capacity && TAKING_FROM.get() == this;
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
            if (work++ == 0) {
                // Under the lock: a taker's exit for this item must come after this enter.
                quiescence.enter();
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

    /**
     * Settles {@code finished} items of the work, and exits quiescence when that leaves none: now,
     * before the caller may wait for the next item (which could be forever, if this was the last).
     */
    private void settleLocked(int finished) {
        if (finished != 0) {
            work -= finished;
            if (work == 0) {
                quiescence.exit();
            }
        }
    }

    /** What {@link #fill} waits for: without end. */
    public static final long FOREVER = -1;

    /**
     * Moves waiting items into the caller's empty {@code hand}, waiting at most {@code nanos} for
     * one ({@link #FOREVER}: without end). Returns how many it moved (at least one), 0 when none came
     * in time, -1 once the queue is closed and drained, or aborted. First settles the {@code
     * finished} items the caller took before and has finished with, even if the wait is then
     * interrupted.
     */
    public int fill(Hand hand, int finished, long nanos) throws InterruptedException {
        lock.lock();
        try {
            settleLocked(finished);
            long left = nanos;
            while (count == 0) {
                if (closed || aborted) {
                    return -1;
                }
                if (nanos == FOREVER) {
                    notEmpty.await();
                } else if (left <= 0) {
                    return 0;
                } else {
                    left = notEmpty.awaitNanos(left);
                }
            }
            if (aborted) {
                return -1;
            }
            // A fair share when several takers wait: one worker must not sit on what others could do.
            int share = Math.max(1, count / Math.max(1, takers.get()));
            int n = Math.min(Math.min(count, hand.items.length), share);
            for (int i = 0; i < n; i++) {
                hand.items[i] = dequeueLocked();
            }
            hand.fill(n);
            if (n == 1) {
                notFull.signal();
            } else {
                notFull.signalAll();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Settles {@code finished} items the caller took and has finished with (a worker that stops). */
    public void finished(int finished) {
        if (finished == 0) {
            return;
        }
        lock.lock();
        try {
            settleLocked(finished);
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

    /** No more items will come: takers drain what is left, then hear of the end. */
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
     * Cancels: wakes every waiter; later puts throw, takes hear of the end. Safe to call from an
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

    /** How many items wait now: in the queue, and taken into a worker's hand but not started. */
    public int depth() {
        int inHands = 0;
        for (Hand h : hands) {
            inHands += h.left();
        }
        lock.lock();
        try {
            return count + inHands;
        } finally {
            lock.unlock();
        }
    }

    /** The most items that ever waited in the queue at once. */
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

    /**
     * The items one worker took from the queue and has not started yet. Only its worker writes it;
     * {@link #depth} reads how many are left from any thread (a recent count, exact once the worker
     * has stopped).
     */
    public static final class Hand {
        private static final java.lang.invoke.VarHandle NEXT;
        private static final java.lang.invoke.VarHandle END;

        static {
            try {
                var lookup = java.lang.invoke.MethodHandles.lookup();
                NEXT = lookup.findVarHandle(Hand.class, "next", int.class);
                END = lookup.findVarHandle(Hand.class, "end", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Object[] items;
        private int next;
        private int end;

        Hand(int size) {
            this.items = new Object[size];
        }

        private void fill(int n) {
            next = 0;
            end = n;
        }

        /** The next item to start, or {@code null} when the hand is empty. */
        public Object next() {
            int i = next;
            if (i == end) {
                return null;
            }
            Object item = items[i];
            items[i] = null;
            next = i + 1;
            return item;
        }

        /** Items taken and not started. */
        int left() {
            return (int) END.getOpaque(this) - (int) NEXT.getOpaque(this);
        }
    }
}

package dev.minigun.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue in front of a stage that owns contexts: many senders, many takers, FIFO.
 * {@link #put} blocks while it is full (backpressure), so a run holds at most its capacity here.
 * {@link #close} ends it gracefully: takers drain what is left, then hear of the end. {@link #abort}
 * ends it at once for a cancelled run: everyone blocked wakes, senders throw {@link
 * RunCancelledException}, takers hear of the end.
 *
 * <p>Takers take in batches: {@link #fill} moves up to a {@link Hand}'s size of waiting items (and
 * no more than a fair share when several takers wait) into the taker's hand at once, so a busy
 * stage pays for the hand-off once per batch, not once per item. Items in a hand that the taker has
 * not started yet still count as waiting in {@link #depth} (so a report never loses them, even from
 * a worker that is stuck or was cancelled), and each hand holds at most {@link #handSize()} of
 * them: the queue bounds what waits here, and each of the stage's contexts holds at most one hand
 * besides.
 *
 * <p>One exception to the bound: a thread that takes from this queue (one of the stage's own
 * workers) never waits to put into it. Such a put comes from an {@code emitTo} cycle through the
 * stage itself, and waiting would mean waiting for itself; the item goes to an overflow list
 * instead, which grows by what the cycle has in flight and keeps its place in the queue's order.
 *
 * <p>Termination detection: the queue is one unit of {@link Quiescence} while it holds work, that
 * is, items waiting or taken and not yet finished (a taker says how many it finished when it takes
 * again, or with {@link #finished}). It enters when that work goes from none to some and exits when
 * it goes back to none, so an item costs the run's shared count nothing while the stage is busy. A
 * sender counts its item before the item can be taken, so the exit for it always comes after the
 * enter; and a sender is always inside a unit itself (a live producer, or an item it took and has
 * not finished), so the run cannot look quiet while an item is on its way here.
 *
 * <p>How: a ring of sequence-numbered slots (Vyukov's bounded MPMC queue, as in JCTools'
 * {@code MpmcArrayQueue}): a sender claims a free slot with one compare-and-set and publishes the
 * item by its slot's sequence number; a taker claims up to a handful of published slots with one
 * compare-and-set (in a single-sender queue its one owner writes the next slot without one, and
 * other senders put beside the ring, see the constructor). Nobody takes a lock while items flow. The lock guards the slow paths only: a
 * taker with nothing to take parks in the list of sleepers and a sender wakes one (only when
 * someone sleeps, one volatile read otherwise); a sender facing a full ring waits on a condition
 * that takers signal once they freed slots.
 */
public final class Channel {
    /** Most items a worker takes at once: a local stage's hand at most, a remote stage's batch always. */
    static final int MAX_HAND = 64;

    /** What {@link #fill} waits for: without end. */
    public static final long FOREVER = -1;

    private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle INDEX = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle PEAK;
    private static final VarHandle OWNER;

    static {
        try {
            var lookup = MethodHandles.lookup();
            PEAK = lookup.findVarHandle(Channel.class, "peak", int.class);
            OWNER = lookup.findVarHandle(Channel.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Where in {@link #indexes} each counter lives, alone on its cache lines (a sender writes one,
     * a taker another, and both the work): the next position a sender claims, the items waiting or
     * taken and not yet finished, and the next position a taker claims.
     */
    private static final int PRODUCED = 16;

    private static final int WORK = 32;
    private static final int TAKEN = 48;

    /** The queue the current thread takes from, if it is a worker: a put into it never waits. */
    private static final ThreadLocal<Channel> TAKING_FROM = new ThreadLocal<>();

    private final String stage;
    private final int capacity;
    private final Quiescence quiescence;
    private final Object[] slots;
    /** Per slot: 2p when it is free for position p, 2p + 1 once the item of position p is in it. */
    private final long[] sequences;

    private final long[] indexes = new long[64];
    private final AtomicInteger takers = new AtomicInteger();
    private final Set<Hand> hands = ConcurrentHashMap.newKeySet();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Hand> sleeping = new ArrayDeque<>(); // under lock
    private final ArrayDeque<Overflowed> overflow = new ArrayDeque<>(); // under lock
    private volatile int sleepers; // sleeping.size(), for senders to read without the lock
    private volatile int sendersWaiting; // at least the senders waiting on notFull
    private volatile int overflowed; // overflow.size()
    private volatile boolean closed;
    private volatile boolean aborted;
    private int peak; // through PEAK
    private final boolean oneAtATime;
    private final boolean singleSender;
    private volatile Thread owner; // of a single-sender queue: the one thread that writes the ring (through OWNER)

    /** A queue of {@code capacity} items in front of {@code stage}, one unit of {@code quiescence} while it holds work. */
    public Channel(String stage, int capacity, Quiescence quiescence) {
        this(stage, capacity, quiescence, false);
    }

    /**
     * As above; with {@code oneAtATime}, every worker takes one item at a time, whatever the
     * capacity: the workers of a stage on virtual threads, whose items block, and which are many (a
     * hand of several items would hold back items that another worker, idle, could start).
     */
    public Channel(String stage, int capacity, Quiescence quiescence, boolean oneAtATime) {
        this(stage, capacity, quiescence, oneAtATime, false);
    }

    /**
     * As above; with {@code singleSender}, one thread writes the ring without a compare-and-set: the
     * first to put {@linkplain #putAsUpstream as the stage's upstream} (the plan gives a single-sender
     * queue to a stage whose one upstream runs on one thread at a time). Every other thread (an
     * {@code emitTo}, a dead letter, a batch flushed at the end, the stage's own workers) puts into
     * a list beside the ring, under the lock, where the item keeps its place in the order (it is taken
     * once the ring's items put before it are). The ring and the list share the capacity: such a
     * sender waits for room like any (a taker of the queue never waits), and so does the owner while
     * the list holds items (one item over the capacity at most, the owner's, if both put at the same
     * moment). Which thread owns the ring never changes, so the ring has one writer whatever the plan
     * got wrong.
     */
    public Channel(String stage, int capacity, Quiescence quiescence, boolean oneAtATime, boolean singleSender) {
        this.oneAtATime = oneAtATime;
        this.singleSender = singleSender;
        if (capacity <= 0) {
            throw new IllegalArgumentException(
                    "capacity of the queue of '" + stage + "' must be positive: " + capacity);
        }
        this.stage = stage;
        this.capacity = capacity;
        this.quiescence = quiescence;
        this.slots = new Object[capacity];
        this.sequences = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences[i] = 2L * i;
        }
    }

    /**
     * How many items a worker of this stage takes at most at once: an eighth of the capacity, at
     * least one and at most {@link #MAX_HAND}, or one for a queue made one-at-a-time. A small queue
     * keeps a tight bound (queue size 10: one item at a time, as a bound of 10 asks); a large one
     * moves in batches.
     */
    public int handSize() {
        return oneAtATime ? 1 : Math.clamp(capacity / 8, 1, MAX_HAND);
    }

    /**
     * Counts one more worker of the stage, which will take into the returned hand of {@code size}
     * items: called by whoever starts the worker, before it runs, so that the workers already
     * running leave it its fair share of the first items.
     */
    public Hand join(int size) {
        takers.incrementAndGet();
        Hand hand = new Hand(size);
        hands.add(hand);
        return hand;
    }

    /** The calling thread is the worker of a hand from {@link #join}: its puts into this queue never wait. */
    public void bind() {
        TAKING_FROM.set(this);
    }

    /**
     * The calling thread, bound as a worker of this queue, no longer takes from it (a worker that
     * left): it is unbound and its hand {@linkplain #quit quits}.
     */
    public void unregisterTaker(Hand hand) {
        TAKING_FROM.remove();
        quit(hand);
    }

    /**
     * A hand from {@link #join} is no longer taken into: the stage has one worker fewer. The hand
     * stays counted in {@link #depth} while it holds an item not started. Called by the worker that
     * leaves, or by whoever made a worker that never started.
     */
    public void quit(Hand hand) {
        takers.decrementAndGet();
        if (hand.left() == 0) {
            hands.remove(hand);
        }
    }

    /** Adds {@code item}, waiting while the queue is full (unless the caller is one of its takers). */
    public void put(Object item) throws InterruptedException {
        checkOpen();
        // Counted before it can be taken, so that its taker's exit comes after this enter.
        if ((long) INDEX.getAndAdd(indexes, WORK, 1L) == 0) {
            quiescence.enter();
        }
        // Only a taker's own puts must queue up behind its overflowed items; others go to the ring.
        // In a single-sender queue, only its owner's go to the ring.
        boolean placed = singleSender
                ? overflowed == 0 && owner == Thread.currentThread() && offerAsOwner(item)
                : (overflowed == 0 || TAKING_FROM.get() != this) && offer(item);
        if (!placed) {
            try {
                putSlowly(item);
            } catch (Throwable e) {
                settle(1);
                throw e;
            }
        }
        if (sleepers != 0) {
            wakeTaker();
        }
    }

    /**
     * Puts {@code item} as the upstream stage's sender: the first thread to do so in a single-sender
     * queue becomes its owner (see the constructor); otherwise as {@link #put}.
     */
    public void putAsUpstream(Object item) throws InterruptedException {
        if (singleSender && owner == null) {
            OWNER.compareAndSet(this, null, Thread.currentThread());
        }
        put(item);
    }

    /**
     * The owner of a single-sender queue puts {@code item} into the next slot, if it is free: plain
     * writes, as nobody else writes the ring; the position is written volatile, so that the owner's
     * read of the sleepers that follows cannot come before it (a taker going to sleep writes the
     * sleepers, then reads the position).
     */
    private boolean offerAsOwner(Object item) {
        long pos = (long) INDEX.get(indexes, PRODUCED);
        int slot = (int) (pos % capacity);
        if ((long) SEQ.getAcquire(sequences, slot) != 2 * pos) {
            return false; // the slot still holds the item of the lap before: full
        }
        slots[slot] = item;
        SEQ.setRelease(sequences, slot, 2 * pos + 1);
        INDEX.setVolatile(indexes, PRODUCED, pos + 1);
        return true;
    }

    /** Puts {@code item} into a free slot, if there is one (a queue with many senders). */
    private boolean offer(Object item) {
        long[] idx = indexes;
        long pos = (long) INDEX.getVolatile(idx, PRODUCED);
        while (true) {
            int slot = (int) (pos % capacity);
            long seq = (long) SEQ.getVolatile(sequences, slot);
            if (seq == 2 * pos) {
                if (INDEX.compareAndSet(idx, PRODUCED, pos, pos + 1)) {
                    slots[slot] = item;
                    SEQ.setRelease(sequences, slot, 2 * pos + 1);
                    return true;
                }
                pos = (long) INDEX.getVolatile(idx, PRODUCED);
            } else if (seq < 2 * pos) {
                return false; // the slot still holds the item of the lap before: full
            } else {
                pos = (long) INDEX.getVolatile(idx, PRODUCED); // another sender took it
            }
        }
    }

    /**
     * A full ring, or items in the overflow list: wait for room, or overflow if the caller is a taker.
     * In a single-sender queue, a thread other than the owner puts into the list beside the ring once
     * the ring and the list hold less than the capacity (a taker at once), and the owner waits for
     * that too before it writes the ring. An item put beside the ring keeps its place in the order:
     * it is taken once the ring's items put before it are.
     */
    private void putSlowly(Object item) throws InterruptedException {
        boolean self = TAKING_FROM.get() == this;
        lock.lock(); // held briefly: an interrupt left set must not fail a put that need not wait
        try {
            if (singleSender && (owner != Thread.currentThread() || self)) {
                while (!self && !roomAside()) {
                    checkOpen();
                    raisePeak(capacity);
                    sendersWaiting = sendersWaiting + 1; // then look again: a taker that freed a slot sees it
                    if (roomAside()) {
                        break;
                    }
                    notFull.await();
                }
                checkOpen();
            } else {
                while (true) {
                    checkOpen();
                    if (self && overflowed != 0) {
                        break; // behind its earlier overflowed items, to keep its order
                    }
                    if (offerWithin(item)) {
                        return;
                    }
                    if (self) {
                        break;
                    }
                    raisePeak(capacity);
                    sendersWaiting = sendersWaiting + 1; // then look again: a taker that freed a slot sees it
                    if (offerWithin(item)) {
                        return;
                    }
                    notFull.await();
                }
            }
            overflow.addLast(new Overflowed((long) INDEX.getVolatile(indexes, PRODUCED), item));
            overflowed = overflow.size();
            raisePeak(ringDepth() + overflowed);
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (aborted) {
            throw new RunCancelledException();
        }
        if (closed) {
            throw new IllegalStateException("queue of '" + stage + "' is closed");
        }
    }

    /**
     * Under the lock: puts {@code item} into the ring, if it has room. In a single-sender queue
     * (called by its owner) the ring and the list beside it share the capacity.
     */
    private boolean offerWithin(Object item) {
        return singleSender ? roomAside() && offerAsOwner(item) : offer(item);
    }

    /** Under the lock: whether the ring and the list beside it hold less than the capacity. */
    private boolean roomAside() {
        return ringDepth() + overflowed < capacity;
    }

    /**
     * Settles {@code finished} items of the work, and exits quiescence when that leaves none: now,
     * before the caller may wait for the next item (which could be forever, if this was the last).
     */
    private void settle(int finished) {
        if (finished != 0) {
            if ((long) INDEX.getAndAdd(indexes, WORK, (long) -finished) == finished) {
                quiescence.exit();
            }
        }
    }

    /**
     * Moves waiting items into the caller's empty {@code hand}, waiting at most {@code nanos} for
     * one ({@link #FOREVER}: without end). Returns how many it moved (at least one), 0 when none came
     * in time, -1 once the queue is closed and drained, or aborted. First settles the {@code
     * finished} items the caller took before and has finished with, even if the wait is then
     * interrupted.
     */
    public int fill(Hand hand, int finished, long nanos) throws InterruptedException {
        settle(finished);
        if (!aborted) {
            int n = take(hand);
            if (n > 0) {
                return n;
            }
        }
        return fillSlowly(hand, nanos);
    }

    /** Nothing to take right away: sleep until a sender wakes us, the time is up, or the end. */
    private int fillSlowly(Hand hand, long nanos) throws InterruptedException {
        long deadline = nanos == FOREVER ? 0 : System.nanoTime() + nanos;
        lock.lock();
        try {
            while (true) {
                if (aborted) {
                    return -1;
                }
                int n = take(hand);
                if (n > 0) {
                    return n;
                }
                if (closed) {
                    return -1;
                }
                long left = nanos == FOREVER ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                hand.thread = Thread.currentThread();
                hand.awake = false;
                sleeping.addLast(hand);
                sleepers = sleeping.size(); // then look again: a sender that put an item sees us
                n = takeQuietly(hand);
                if (n > 0) {
                    stopSleeping(hand);
                    return tookSome(n);
                }
                lock.unlock();
                if (nanos == FOREVER) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, left);
                }
                if (hand.awake && (aborted || closed && !Thread.currentThread().isInterrupted())) {
                    return leave(hand); // not holding the lock, which the finally below sees
                }
                lock.lock();
                boolean woken = hand.awake;
                if (!woken) {
                    stopSleeping(hand); // the time is up, an interrupt, or a spurious return
                }
                if (Thread.interrupted()) {
                    if (woken) {
                        passOn();
                    }
                    throw new InterruptedException();
                }
            }
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /**
     * Woken by {@link #close} or {@link #abort}, taken off the sleepers' list with every other
     * sleeper: takes what a close left without the lock, or hears of the end (an interrupted taker
     * of a closed queue goes the way with the lock, which reports the interrupt). A stage on a thousand
     * virtual threads has a thousand workers woken at once here; taking the lock again, each would
     * wait for the one before it, and the run's end would wait for all of them in turn.
     */
    private int leave(Hand hand) {
        if (aborted) {
            return -1;
        }
        int n = take(hand);
        return n > 0 ? n : -1;
    }

    /**
     * Takes up to a hand's worth of waiting items (no more than a fair share when several takers
     * wait, overflowed items in their place), and wakes whoever waits for what that changed.
     */
    private int take(Hand hand) {
        int n = takeQuietly(hand);
        return n > 0 ? tookSome(n) : n;
    }

    /** Takes as {@link #take} does, and wakes nobody. */
    private int takeQuietly(Hand hand) {
        if (overflowed == 0) {
            int n = claim(hand, Long.MAX_VALUE, true);
            if (n >= 0) {
                return n;
            }
        }
        return takeWithOverflow(hand);
    }

    /**
     * After taking {@code n} items: senders may have room, and another taker may have work. Waiting
     * senders wake once half the ring is free, not for every handful: each wake-up costs the taker
     * (the stage that is behind) a system call, and a woken sender then fills half a ring at once.
     */
    private int tookSome(int n) {
        if (sendersWaiting == 0 && sleepers == 0) {
            return n;
        }
        int ring = ringDepth();
        if (sendersWaiting != 0 && capacity - ring >= (capacity + 1) / 2) {
            wakeSenders();
        }
        if (sleepers != 0 && ring + overflowed > 0) {
            wakeTaker(); // more than we took: let another taker help
        }
        return n;
    }

    /**
     * Claims up to a hand's worth of items from the ring, none at or after position {@code before},
     * and moves them into {@code hand}. With {@code unlessOverflowed} (the caller, without the lock,
     * saw no overflowed item) returns -1 if an item was overflowed meanwhile: read after the ring's
     * end, so that ring items put after that item (whose sender saw it counted) are not taken first.
     */
    private int claim(Hand hand, long before, boolean unlessOverflowed) {
        long[] idx = indexes;
        int n;
        long from;
        while (true) {
            from = (long) INDEX.getVolatile(idx, TAKEN);
            long to = Math.min((long) INDEX.getVolatile(idx, PRODUCED), before);
            if (unlessOverflowed && overflowed != 0) {
                return -1;
            }
            long waiting = to - from;
            if (waiting <= 0) {
                return 0;
            }
            int share = (int) Math.max(1, waiting / Math.max(1, takers.get()));
            n = (int) Math.min(Math.min(waiting, hand.items.length), share);
            if (INDEX.compareAndSet(idx, TAKEN, from, from + n)) {
                raisePeak((int) waiting + overflowed);
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            long pos = from + i;
            int slot = (int) (pos % capacity);
            // The sender claimed this slot before us and is about to publish it: wait for that.
            for (int spins = 0; (long) SEQ.getVolatile(sequences, slot) != 2 * pos + 1; spins++) {
                if (spins < 64) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            hand.items[i] = slots[slot];
            slots[slot] = null;
            SEQ.setRelease(sequences, slot, 2 * (pos + capacity));
        }
        VarHandle.fullFence(); // the freed slots are visible before we read who waits for room
        hand.fill(n);
        return n;
    }

    /**
     * Takes with items in the overflow list: those whose place in the order has come first, then
     * ring items up to the next overflowed one.
     */
    private int takeWithOverflow(Hand hand) {
        lock.lock();
        try {
            long taken = (long) INDEX.getVolatile(indexes, TAKEN);
            int n = 0;
            while (n < hand.items.length
                    && !overflow.isEmpty()
                    && overflow.peekFirst().after() <= taken) {
                hand.items[n++] = overflow.pollFirst().item();
            }
            overflowed = overflow.size();
            if (n > 0) {
                hand.fill(n);
                return n;
            }
            return claim(
                    hand,
                    overflow.isEmpty() ? Long.MAX_VALUE : overflow.peekFirst().after(),
                    false);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes one sleeping taker, if any. */
    private void wakeTaker() {
        lock.lock();
        try {
            passOn();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: hands the wake-up on to the first sleeper, if any. */
    private void passOn() {
        Hand next = sleeping.pollFirst();
        sleepers = sleeping.size();
        if (next != null) {
            next.awake = true;
            LockSupport.unpark(next.thread);
        }
    }

    /** Under the lock: {@code hand} is off the sleepers' list (it woke by itself, or took items first). */
    private void stopSleeping(Hand hand) {
        sleeping.remove(hand);
        sleepers = sleeping.size();
    }

    /** Wakes every sender waiting for room. */
    private void wakeSenders() {
        lock.lock();
        try {
            sendersWaiting = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void raisePeak(int depth) {
        int p = (int) PEAK.getOpaque(this);
        while (depth > p && !PEAK.weakCompareAndSet(this, p, depth)) {
            p = (int) PEAK.getOpaque(this);
        }
    }

    /** Settles {@code finished} items the caller took and has finished with (a worker that stops). */
    public void finished(int finished) {
        settle(finished);
    }

    /** No more items will come: takers drain what is left, then hear of the end. */
    public void close() {
        end(false);
    }

    /** Under the lock: takes every sleeper off the list, marked awake, and returns their threads. */
    private Thread[] wakeAll() {
        Thread[] threads = new Thread[sleeping.size()];
        for (int i = 0; i < threads.length; i++) {
            Hand h = sleeping.pollFirst();
            h.awake = true;
            threads[i] = h.thread;
        }
        sleepers = 0;
        return threads;
    }

    /**
     * Cancels: wakes every waiter; later puts throw, takes hear of the end. Safe to call from an
     * interrupted thread (the lock is only ever held briefly, so the wait for it is uninterruptible).
     */
    public void abort() {
        aborted = true;
        end(true);
    }

    /**
     * Wakes every sleeping taker, and on an abort every waiting sender too. The takers are unparked
     * once the lock is released: woken under it, each would first wait for it.
     */
    private void end(boolean abort) {
        Thread[] sleepersThen;
        lock.lock();
        try {
            closed |= !abort;
            sleepersThen = wakeAll();
            if (abort) {
                notFull.signalAll();
            }
        } finally {
            lock.unlock();
        }
        for (Thread t : sleepersThen) {
            LockSupport.unpark(t);
        }
    }

    /** Items in the ring and the overflow list (a recent count). */
    private int depthInQueue() {
        return ringDepth() + overflowed;
    }

    /** Slots of the ring claimed by senders and not yet by takers (a recent count). */
    private int ringDepth() {
        long taken = (long) INDEX.getVolatile(indexes, TAKEN);
        long produced = (long) INDEX.getVolatile(indexes, PRODUCED);
        return Math.clamp(produced - taken, 0, capacity);
    }

    /** How many items wait now: in the queue, and taken into a worker's hand but not started. */
    public int depth() {
        int inHands = 0;
        for (Hand h : hands) {
            inHands += h.left();
        }
        return depthInQueue() + inHands;
    }

    /** The most items that ever waited in the queue at once. */
    public int peakDepth() {
        return Math.max((int) PEAK.getVolatile(this), depthInQueue());
    }

    /** How many items it holds before senders wait. */
    public int capacity() {
        return capacity;
    }

    /** An item a taker put into its own full queue, to be taken once the ring has reached {@code after}. */
    private record Overflowed(long after, Object item) {}

    /**
     * The items one worker took from the queue and has not started yet. Only its worker writes it;
     * {@link #depth} reads how many are left from any thread (a recent count, exact once the worker
     * has stopped).
     */
    public static final class Hand {
        private static final VarHandle NEXT;
        private static final VarHandle END;

        static {
            try {
                var lookup = MethodHandles.lookup();
                NEXT = lookup.findVarHandle(Hand.class, "next", int.class);
                END = lookup.findVarHandle(Hand.class, "end", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Object[] items;
        private int next;
        private int end;
        private Thread thread; // under the channel's lock, while it sleeps
        private volatile boolean awake; // written under the channel's lock: it was taken off the sleepers' list

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

        /** Items taken and not started (racy reads of a hand its worker refills: kept in range). */
        int left() {
            return Math.clamp((int) END.getOpaque(this) - (int) NEXT.getOpaque(this), 0, items.length);
        }
    }
}

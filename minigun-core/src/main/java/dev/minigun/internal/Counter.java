package dev.minigun.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * A count that one or more threads add to and any thread may read. A stage that one thread runs at
 * a time (the plan knows) counts with plain stores: no atomic instruction per item, which
 * costs more than a fused stage's own work on some machines. A stage run by a pool counts with a
 * {@link LongAdder}. Reads see a recent value, exact once the writers have stopped.
 */
public sealed interface Counter permits Counter.SingleWriter, Counter.Shared, Counter.Off {

    /** A counter for {@code writers} concurrent writers (1, or more for a pool). */
    static Counter forWriters(int writers) {
        return writers == 1 ? new SingleWriter() : new Shared();
    }

    /** A counter that counts nothing: statistics switched off (see {@link StageCounters#ENABLED}). */
    static Counter off() {
        return Off.INSTANCE;
    }

    /** Adds one. */
    void increment();

    /**
     * Adds one and returns a running count for picking samples (see {@link StageNode#sampleDue}): this
     * counter's value for a single writer, so that counting and sampling are one store on the hottest
     * path; a racy count of its own for a shared counter, which only has to pick about one item in so
     * many.
     */
    long tick();

    /** Adds {@code n} (which may be negative). */
    void add(long n);

    /** The current count. */
    long sum();

    /**
     * Written by one thread at a time (or under a lock), read by any. The writer adds with plain
     * loads and stores: an opaque or release store would cost the JIT a compiler barrier at every
     * count (each one forces every field of a fused chain to be read again), which measured at 40 %
     * of a fused chain's time (benchmark {@code StatsCost}). Readers read opaquely and see a recent
     * count: HotSpot keeps a store in its loop when the loop also reads the field, as an increment
     * does, and a long field is written whole on the 64-bit JVMs Java 25 runs on. The count is
     * exact once the writer has stopped and been joined.
     */
    final class SingleWriter implements Counter {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(SingleWriter.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private long value;

        @Override
        public void increment() {
            value++;
        }

        @Override
        public long tick() {
            return ++value;
        }

        @Override
        public void add(long n) {
            value += n;
        }

        @Override
        public long sum() {
            return (long) VALUE.getOpaque(this);
        }
    }

    /** Written by several threads at once. */
    final class Shared implements Counter {
        private final LongAdder adder = new LongAdder();
        private long ticks; // racy: lost updates only move which items are sampled

        @Override
        public void increment() {
            adder.increment();
        }

        @Override
        public long tick() {
            adder.increment();
            return ++ticks;
        }

        @Override
        public void add(long n) {
            adder.add(n);
        }

        @Override
        public long sum() {
            return adder.sum();
        }
    }

    /** Counts nothing and reads zero: only for measuring what statistics cost. */
    enum Off implements Counter {
        INSTANCE;

        @Override
        public void increment() {}

        @Override
        public long tick() {
            return 0;
        }

        @Override
        public void add(long n) {}

        @Override
        public long sum() {
            return 0;
        }
    }
}

package dev.minigun.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * A count that one or more threads add to and any thread may read. A stage that one thread runs at
 * a time (the plan knows) counts with plain opaque stores: no atomic instruction per item, which
 * costs more than a fused stage's own work on some machines. A stage run by a pool counts with a
 * {@link LongAdder}. Reads see a recent value, exact once the writers have stopped.
 */
public sealed interface Counter permits Counter.SingleWriter, Counter.Shared {

    /** A counter for {@code writers} concurrent writers (1, or more for a pool). */
    static Counter forWriters(int writers) {
        return writers == 1 ? new SingleWriter() : new Shared();
    }

    /** Adds one. */
    void increment();

    /** Adds {@code n} (which may be negative). */
    void add(long n);

    /** The current count. */
    long sum();

    /** Written by one thread at a time (or under a lock), read by any. */
    final class SingleWriter implements Counter {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(SingleWriter.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through VALUE
        private long value;

        @Override
        public void increment() {
            VALUE.setOpaque(this, (long) VALUE.getOpaque(this) + 1);
        }

        @Override
        public void add(long n) {
            VALUE.setOpaque(this, (long) VALUE.getOpaque(this) + n);
        }

        @Override
        public long sum() {
            return (long) VALUE.getOpaque(this);
        }
    }

    /** Written by several threads at once. */
    final class Shared implements Counter {
        private final LongAdder adder = new LongAdder();

        @Override
        public void increment() {
            adder.increment();
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
}

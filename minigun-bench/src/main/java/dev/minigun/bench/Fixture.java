package dev.minigun.bench;

/**
 * What every workload shares, so that no engine gets a better deal than another: the buffer size
 * every queue, ring and prefetch is given, the items (boxed {@code Long}s made before the
 * measurement), how many of them one run moves, and the check that a run delivered them all.
 */
public final class Fixture {
    /** The capacity of every hand-off: Minigun's queue, Reactor's and RxJava's prefetch, Pekko's input buffer, the ring, the ABQ. */
    public static final int BUFFER = 256;

    /** The heap of every workload's fork but P7's (which is about running in 64 MB). */
    public static final String HEAP = "-Xmx1g";

    /** The same fixed heap as a minimum, so that heap growth does not show up as noise. */
    public static final String MIN_HEAP = "-Xms1g";

    /** Pekko and JMH itself call sun.misc.Unsafe; on JDK 25 each would print a warning into the results. */
    public static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    private Fixture() {}

    /**
     * How many items one run moves: {@code base} at no per-item cost, fewer as the cost grows, so that
     * a run takes about the same time (~100 ms of CPU for a base of a million) whatever the cost.
     */
    public static int itemsPerRun(int base, int costTokens) {
        if (costTokens <= 50) {
            return base;
        }
        return (int) Math.max(1, (long) base * 50 / costTokens);
    }

    /** {@code 0 .. n-1}, boxed once, up front. */
    public static Long[] boxedLongs(int n) {
        Long[] items = new Long[n];
        for (int i = 0; i < n; i++) {
            items[i] = (long) i;
        }
        return items;
    }

    /**
     * Runs {@code p}, whose sink counts into {@code consumed}, checks that it and the report both saw
     * {@code expected} items, and adds them to {@code counter}.
     */
    public static void runCounted(
            dev.minigun.Pipeline p,
            java.util.concurrent.atomic.LongAdder consumed,
            int expected,
            Items counter,
            String what) {
        consumed.reset();
        long done = p.run().consumed();
        expect(expected, done, what);
        expect(expected, consumed.sum(), what + " sink");
        counter.items += expected;
    }

    /** Fails the benchmark when a run did not deliver what it should have: a fast wrong answer is no result. */
    public static void expect(long expected, long actual, String what) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + " items, got " + actual);
        }
    }
}

package dev.minigun.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Per-item processing times of one stage in logarithmic buckets (eight per power of two, so a
 * percentile is within 12.5 % of the truth), safe to record from many threads without locks.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 3;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = 64 * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    /** Records one duration in nanoseconds. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts.incrementAndGet(index(v));
        max.accumulate(v);
    }

    private static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (exp - SUB_BITS)) & (SUB - 1));
        return (exp - SUB_BITS + 1) * SUB + sub;
    }

    private static long upperBound(int index) {
        if (index < SUB) {
            return index;
        }
        int exp = index / SUB + SUB_BITS - 1;
        int sub = index % SUB;
        return ((long) (SUB + sub + 1) << (exp - SUB_BITS)) - 1;
    }

    /** The duration (ns) below which {@code fraction} of the recorded durations lie; 0 when empty. */
    public long percentile(double fraction) {
        if (max() == 0) {
            return 0; // nothing recorded (or only zeros): no need to read the buckets
        }
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max());
            }
        }
        return max();
    }

    /** The longest duration recorded (ns). */
    public long max() {
        return max.get();
    }
}

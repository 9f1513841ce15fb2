package dev.minigun.bench.support;

/**
 * Durations in logarithmic buckets (32 per power of two, so a percentile is within about 3 % of
 * the truth), recorded by one thread at a time without locks or allocation. Readers look only once
 * the recording threads have finished (the end of a run orders the two).
 */
public final class LatencyRecorder {
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = 64 * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    /** Records one duration in nanoseconds. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    /** How many durations were recorded. */
    public long count() {
        return total;
    }

    /** The longest duration recorded (ns). */
    public long max() {
        return max;
    }

    /** The duration (ns) that {@code fraction} of the recorded ones do not exceed; 0 when empty. */
    public long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    /** Forgets everything recorded. */
    public void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (exp - SUB_BITS)) & (SUB - 1));
        return (exp - SUB_BITS + 1) * SUB + sub;
    }

    static long upperBound(int index) {
        if (index < SUB) {
            return index;
        }
        int exp = index / SUB + SUB_BITS - 1;
        int sub = index % SUB;
        return ((long) (SUB + sub + 1) << (exp - SUB_BITS)) - 1;
    }
}

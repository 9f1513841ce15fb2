package dev.minigun.hazelcast;

import dev.minigun.HostInfo;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one member has done for one stage: the items it ran, and samples of that count over the
 * trailing seconds, from which the progress views' per-member rate comes. Written by the stage's
 * contexts (one sample at most every 100 ms), read by the views.
 */
final class MemberTally {
    private static final long WINDOW = 3_000_000_000L;
    private static final long SAMPLE_EVERY = 100_000_000L;

    private final String stage;
    private final String address;
    private final LongAdder items = new LongAdder();
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private volatile boolean lost;

    MemberTally(String stage, String address) {
        this.stage = stage;
        this.address = address;
        samples.add(new long[] {System.nanoTime(), 0});
    }

    /** Counts {@code n} items run there. */
    void ran(int n) {
        items.add(n);
        long now = System.nanoTime();
        synchronized (samples) {
            if (now - samples.peekLast()[0] >= SAMPLE_EVERY) {
                samples.addLast(new long[] {now, items.sum()});
                trim(now);
            }
        }
    }

    /** Marks the member lost to the run: it gets no more batches. */
    void lost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }

    /** The member as progress views show it, its rate over the trailing window. */
    HostInfo info() {
        long now = System.nanoTime();
        long total = items.sum();
        double rate;
        synchronized (samples) {
            trim(now);
            long[] from = samples.peekFirst();
            rate = now > from[0] ? (total - from[1]) / ((now - from[0]) / 1e9) : 0;
        }
        return new HostInfo(stage, address, !lost, total, rate);
    }

    /** Drops samples older than the window, keeping the newest of those as the baseline. */
    private void trim(long now) {
        while (samples.size() > 1) {
            java.util.Iterator<long[]> it = samples.iterator();
            it.next();
            if (now - it.next()[0] < WINDOW) {
                return;
            }
            samples.removeFirst();
        }
    }
}

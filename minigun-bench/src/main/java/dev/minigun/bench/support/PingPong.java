package dev.minigun.bench.support;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One item in flight at a time, to measure the latency of a hop rather than the depth of a full
 * queue. The producer side is an {@link Iterator}: before it hands out item {@code i} it waits
 * (spinning) until the consumer has acknowledged item {@code i - 1}, then stamps {@code i} with
 * the time. The consumer side, {@link #arrive}, records now minus the stamp and acknowledges. Every
 * engine gets the same iterator and the same arrival, so the difference between them is the hop.
 */
public final class PingPong {
    private static final long GIVE_UP_NANOS = 10_000_000_000L;

    private final Long[] items;
    private final long[] sentAt;
    private final AtomicLong acknowledged = new AtomicLong(-1);
    private final LatencyRecorder recorder;
    private final Blackhole blackhole;

    /** Ping-pong over {@code items} (which must be {@code 0 .. n-1}), recording into {@code recorder}. */
    public PingPong(Long[] items, LatencyRecorder recorder, Blackhole blackhole) {
        this.items = items;
        this.sentAt = new long[items.length];
        this.recorder = recorder;
        this.blackhole = blackhole;
    }

    /** The producer side of a new run: waits for each acknowledgement before the next item. */
    public Iterator<Long> source() {
        acknowledged.set(-1);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.length;
            }

            @Override
            public Long next() {
                if (next >= items.length) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                awaitAcknowledged(i - 1);
                sentAt[i] = System.nanoTime();
                return items[i];
            }
        };
    }

    /** The consumer side: records how long {@code item} took to arrive, and lets the next one go. */
    public void arrive(Long item) {
        long now = System.nanoTime();
        int i = item.intValue();
        recorder.record(now - sentAt[i]);
        blackhole.consume(item);
        acknowledged.set(i);
    }

    /** How many items have arrived in this run. */
    public long arrived() {
        return acknowledged.get() + 1;
    }

    private void awaitAcknowledged(long i) {
        if (acknowledged.get() >= i) {
            return;
        }
        long start = System.nanoTime();
        int spins = 0;
        while (acknowledged.get() < i) {
            Thread.onSpinWait();
            if ((++spins & 0xFFFF) == 0 && System.nanoTime() - start > GIVE_UP_NANOS) {
                throw new IllegalStateException("item " + i + " did not arrive within 10 s: the hop lost it");
            }
        }
    }
}

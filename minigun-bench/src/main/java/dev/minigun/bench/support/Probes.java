package dev.minigun.bench.support;

import java.lang.management.ManagementFactory;

/**
 * What benchmarks measure beyond JMH's own metrics, kept where {@link ProbeProfiler} can read it
 * after each iteration: the hop latencies of the P2 latency benchmark and the heap left after a
 * full GC at the end of a P7 iteration. One benchmark runs at a time in a JVM, so one slot each is
 * enough.
 */
public final class Probes {
    private static final LatencyRecorder HOP_LATENCY = new LatencyRecorder();
    private static volatile double heapAfterGcMb = Double.NaN;

    private Probes() {}

    /** Where the P2 latency benchmark records one-way hop times. */
    public static LatencyRecorder hopLatency() {
        return HOP_LATENCY;
    }

    /** Runs a full GC and remembers how much heap is still in use (MB). */
    public static void recordHeapAfterGc() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heapAfterGcMb = used / (1024.0 * 1024.0);
    }

    /** The heap in use after the last {@link #recordHeapAfterGc} (MB), or NaN. */
    public static double heapAfterGcMb() {
        return heapAfterGcMb;
    }

    /** Forgets both, before an iteration. */
    public static void clear() {
        HOP_LATENCY.clear();
        heapAfterGcMb = Double.NaN;
    }
}

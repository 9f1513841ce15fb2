package dev.minigun.bench;

import dev.minigun.internal.LatencyHistogram;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording one latency costs: the core's own {@code LatencyHistogram} (eight logarithmic
 * buckets per power of two, lock-free, JDK only) against HdrHistogram, the library issue 6 names,
 * in the two forms a live statistic would use (a {@code Recorder} read by intervals, a {@code
 * ConcurrentHistogram} read directly), both at one significant digit, the core's precision. A stage
 * records one item in 256 ({@code StageNode.SAMPLE_EVERY}), so what a choice costs per item is a
 * 256th of what this measures. One invocation records {@link #VALUES} latencies spread evenly on a
 * logarithmic scale from 100 ns to 10 ms; an "item" is one recorded latency.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class HistogramCost {
    /** Latencies recorded per invocation. */
    public static final int VALUES = 1024;

    private final long[] latencies = new long[VALUES];
    private LatencyHistogram minigun;
    private Recorder recorder;
    private ConcurrentHistogram concurrent;

    /** Spreads the latencies and makes empty histograms. */
    @Setup
    public void setUp() {
        for (int i = 0; i < VALUES; i++) {
            latencies[i] = (long) (100 * Math.pow(100_000, (double) ((i * 617) % VALUES) / VALUES));
        }
        minigun = new LatencyHistogram();
        recorder = new Recorder(1);
        concurrent = new ConcurrentHistogram(1);
    }

    /** The core's {@code LatencyHistogram.record}. */
    @Benchmark
    public void minigun(Items counter) {
        for (long l : latencies) {
            minigun.record(l);
        }
        counter.items += VALUES;
    }

    /** HdrHistogram's {@code Recorder.recordValue} (wait-free, read by swapping intervals). */
    @Benchmark
    public void hdrRecorder(Items counter) {
        for (long l : latencies) {
            recorder.recordValue(l);
        }
        counter.items += VALUES;
    }

    /** HdrHistogram's {@code ConcurrentHistogram.recordValue} (auto-resizing, read in place). */
    @Benchmark
    public void hdrConcurrent(Items counter) {
        for (long l : latencies) {
            concurrent.recordValue(l);
        }
        counter.items += VALUES;
    }
}

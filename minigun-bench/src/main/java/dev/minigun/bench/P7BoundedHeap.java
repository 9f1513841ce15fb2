package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.bench.support.Probes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * P7, bounded memory: ten million items, made as they go, through a producer and two threaded
 * stages (a map on {@code Exec.threads(1)}, a sink on {@code Exec.threads(1)}), with the default
 * queue sizes, in a JVM of {@value #MAX_HEAP}. It must complete, and the heap left after a full GC
 * at the end of every iteration ({@code heap.afterGc}, through
 * {@link dev.minigun.bench.support.ProbeProfiler}) must stay flat.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {P7BoundedHeap.MAX_HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P7BoundedHeap {
    /** The heap the run must fit in. */
    public static final String MAX_HEAP = "-Xmx64m";

    /** Items per run. */
    @Param({"10000000"})
    public int items;

    private Pipeline minigun;

    /** Builds the pipeline. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        int n = items;
        Drain drain = new Drain(blackhole, 0);
        minigun = Pipeline.create("p7-heap");
        minigun.<Long>producer("source", out -> {
                    for (long i = 0; i < n; i++) {
                        out.emit(i);
                    }
                })
                .map("work", Exec.threads(1), new Step(0))
                .consume("sink", Exec.threads(1), drain);
    }

    /** Measures the heap left after a full GC, once the iteration's runs are over. */
    @TearDown(Level.Iteration)
    public void heapAfterGc() {
        Probes.recordHeapAfterGc();
    }

    /** Minigun: producer → map on {@code threads(1)} → sink on {@code threads(1)}. */
    @Benchmark
    public void minigun(Items counter) {
        long consumed = minigun.run().consumed();
        Fixture.expect(items, consumed, "minigun");
        counter.items += items;
    }
}

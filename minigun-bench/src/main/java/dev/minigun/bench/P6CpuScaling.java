package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * P6, CPU-bound scaling: a producer feeds a sink that burns the per-item cost, on
 * {@code Exec.threads(1)} and on {@code Exec.threads(2)}; the ratio of the two is how well the
 * engine scales on two cores. A plain single-threaded loop over the same sink is the reference.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P6CpuScaling {
    /** Items per run at no per-item cost (fewer at a higher cost, see {@link Fixture#itemsPerRun}). */
    @Param({"1000000"})
    public int items;

    /** Per-item CPU cost in the sink, in {@code Blackhole.consumeCPU} tokens (500 ≈ 1 µs, 50000 ≈ 100 µs). */
    @Param({"500", "50000"})
    public int cost;

    private Long[] data;
    private Drain drain;
    private Pipeline oneThread;
    private Pipeline twoThreads;

    /** Makes the items, the sink and both pipelines. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        data = Fixture.boxedLongs(Fixture.itemsPerRun(items, cost));
        drain = new Drain(blackhole, cost);
        oneThread = pipeline(1);
        twoThreads = pipeline(2);
    }

    private Pipeline pipeline(int threads) {
        Long[] source = data;
        Pipeline p = Pipeline.create("p6-threads-" + threads);
        p.config().queueSize(Fixture.BUFFER);
        p.<Long>producer("source", out -> {
                    for (Long x : source) {
                        out.emit(x);
                    }
                })
                .consume("work", Exec.threads(threads), drain);
        return p;
    }

    /** Minigun: producer → sink on {@code Exec.threads(1)}. */
    @Benchmark
    public void minigunThreads1(Items counter) {
        long consumed = oneThread.run().consumed();
        Fixture.expect(data.length, consumed, "minigun threads(1)");
        counter.items += data.length;
    }

    /** Minigun: producer → sink on {@code Exec.threads(2)}. */
    @Benchmark
    public void minigunThreads2(Items counter) {
        long consumed = twoThreads.run().consumed();
        Fixture.expect(data.length, consumed, "minigun threads(2)");
        counter.items += data.length;
    }

    /** The reference: one thread, a loop over the same sink. */
    @Benchmark
    public void plainLoop(Items counter) {
        drain.reset();
        for (Long x : data) {
            drain.consume(x);
        }
        Fixture.expect(data.length, drain.count(), "plain loop");
        counter.items += data.length;
    }
}

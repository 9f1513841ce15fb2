package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
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
 * What the per-stage statistics cost: the same pipeline with them (the default) and in a JVM started
 * with {@code -Dminigun.stats=off}, where every counter, the latency histogram and the busy-time
 * clock are compiled away. Two shapes: P1's fused chain (producer → map → filter → sink, colocated)
 * and P2's one hop (producer → sink on {@code Exec.threads(1)}). Nobody reads the statistics during
 * the run; the counted run reads its report once at the end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class StatsCost {
    /** Items per run. */
    @Param({"1000000"})
    public int items;

    /** {@code fused}: producer → map → filter → sink in one thread; {@code hop}: producer → sink on threads(1). */
    @Param({"fused", "hop"})
    public String shape;

    private Drain drain;
    private Pipeline pipeline;
    private long expected;

    /** Makes the items and the pipeline of the shape. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Long[] data = Fixture.boxedLongs(items);
        drain = new Drain(blackhole, 0);
        Keep keep = new Keep();
        pipeline = Pipeline.create("stats-cost");
        pipeline.config().queueSize(Fixture.BUFFER);
        var source = pipeline.<Long>producer("source", out -> {
            for (Long x : data) {
                out.emit(x);
            }
        });
        if (shape.equals("fused")) {
            source.map("map", new Step(0)).filter("filter", keep).consume("sink", drain);
            expected =
                    java.util.Arrays.stream(data).filter(x -> keep.test(x + 1)).count();
        } else {
            source.consume("sink", Exec.threads(1), drain);
            expected = data.length;
        }
    }

    /** With statistics, as every run has them. */
    @Benchmark
    public RunReport counted(Items counter) {
        return run(counter);
    }

    /** With statistics compiled away ({@code -Dminigun.stats=off}): the report reads zeros. */
    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE, "-Dminigun.stats=off"})
    public RunReport uncounted(Items counter) {
        return run(counter);
    }

    private RunReport run(Items counter) {
        drain.reset();
        RunReport report = pipeline.run();
        Fixture.expect(expected, drain.count(), "minigun");
        counter.items += items;
        return report;
    }
}

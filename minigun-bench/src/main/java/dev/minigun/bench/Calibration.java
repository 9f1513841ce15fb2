package dev.minigun.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long the per-item costs of the workloads take on the machine of the run: one call of
 * {@code Blackhole.consumeCPU(tokens)}, in nanoseconds. The report uses it to say what "500
 * tokens" meant there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class Calibration {
    /** The cost levels the workloads use. */
    @Param({"500", "50000"})
    public int tokens;

    /** One call of {@code consumeCPU(tokens)}. */
    @Benchmark
    public void consumeCpu() {
        Blackhole.consumeCPU(tokens);
    }
}

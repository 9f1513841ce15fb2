package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.ItemFunction;
import dev.minigun.Pipeline;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Worker start (issue 5): the mean time of a whole run of a pipeline whose one map runs on
 * {@code Exec.processes(1)}, over a single item, from {@code run()} to its return. That includes
 * preparing the stage (serializing its code), spawning the worker JVM with {@link WorkerJvm#OPTIONS}
 * (the parent's JDK and class path), the JVM's boot, reading the stage's code and answering ready,
 * one batch of one item there and back, and the orderly stop: closing the worker's stdin, the worker's
 * exit, and joining the parent's threads. The same run with the map on {@code Exec.threads(1)} is the
 * baseline: the difference is what a worker costs, from spawn to exit. The worker's spawn to ready
 * alone is in the {@code dev.minigun.WorkerStart} flight-recorder event's duration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class ProcessWorkerStart {
    /** The map of both pipelines: the item itself (a static lambda, so it captures nothing). */
    static final ItemFunction<Integer, Integer> SAME = i -> i;

    private final LongAdder consumed = new LongAdder();
    private final WorkerJvm workerJvm = new WorkerJvm();
    private Pipeline processes;
    private Pipeline threads;

    /** Makes both pipelines and keeps the worker JVM small. */
    @Setup(Level.Trial)
    public void setUp() {
        workerJvm.apply();
        processes = pipeline("worker-start", Exec.processes(1));
        threads = pipeline("thread-start", Exec.threads(1));
    }

    private Pipeline pipeline(String name, Exec exec) {
        LongAdder count = consumed;
        Pipeline p = Pipeline.create(name);
        p.<Integer>producer("one", out -> out.emit(1))
                .map("start", exec, SAME)
                .consume("count", i -> count.increment());
        return p;
    }

    /** Puts back the worker JVM options this trial replaced. */
    @TearDown(Level.Trial)
    public void tearDown() {
        workerJvm.restore();
    }

    /** One run, one item, the map on {@code Exec.processes(1)}: a worker's whole life. */
    @Benchmark
    public long processes1() {
        return run(processes, "processes(1)");
    }

    /** The same run with the map on {@code Exec.threads(1)}: the pipeline's own cost. */
    @Benchmark
    public long threads1() {
        return run(threads, "threads(1)");
    }

    private long run(Pipeline p, String what) {
        consumed.reset();
        long done = p.run().consumed();
        Fixture.expect(1, done, what);
        Fixture.expect(1, consumed.sum(), what + " sink");
        return done;
    }
}

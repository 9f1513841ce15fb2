package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.ItemFunction;
import dev.minigun.Pipeline;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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

/**
 * The process hop (issue 5): small serializable records from a producer, through an identity map on
 * {@code Exec.processes(2)} (two worker JVMs; every item is serialized to a worker over its stdin,
 * and the result serialized back over its stdout, in batches of up to 64) to a consumer in the
 * parent; and the same pipeline with the map on {@code Exec.threads(2)}, for the ratio. One
 * invocation is one whole run, as in the other workloads, so each process run includes starting its
 * two workers and stopping them (see {@link ProcessWorkerStart} for what that costs alone).
 * Workers run with {@link WorkerJvm#OPTIONS}, as the process module's tests do; {@code -prof gc}
 * sees the parent's allocation only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class ProcessHop {
    /** A small record, as a process stage would carry: an int, a short string, a double. */
    public record Small(int id, String name, double price) implements Serializable {}

    /** The map of both pipelines: the item itself (a static lambda, so it captures nothing). */
    static final ItemFunction<Small, Small> SAME = s -> s;

    /**
     * Items per run: a million, so that starting and stopping the two workers (a few hundred ms, in
     * parallel) is a small part of a run of about 5 s at 200,000 items/s.
     */
    @Param({"1000000"})
    public int items;

    private Small[] data;
    private final LongAdder consumed = new LongAdder();
    private Pipeline processes;
    private Pipeline threads;
    private final WorkerJvm workerJvm = new WorkerJvm();

    /** Makes the records and both pipelines, and keeps the worker JVMs small. */
    @Setup(Level.Trial)
    public void setUp() {
        workerJvm.apply();
        data = new Small[items];
        for (int i = 0; i < items; i++) {
            data[i] = new Small(i, "item-" + i, i * 1.5);
        }
        processes = pipeline("process-hop", Exec.processes(2));
        threads = pipeline("thread-hop", Exec.threads(2));
    }

    private Pipeline pipeline(String name, Exec exec) {
        Small[] source = data;
        LongAdder count = consumed;
        Pipeline p = Pipeline.create(name);
        p.config().queueSize(Fixture.BUFFER);
        p.<Small>producer("records", out -> {
                    for (Small s : source) {
                        out.emit(s);
                    }
                })
                .map("hop", exec, SAME)
                .consume("count", s -> count.increment());
        return p;
    }

    /** Puts back the worker JVM options this trial replaced. */
    @TearDown(Level.Trial)
    public void tearDown() {
        workerJvm.restore();
    }

    /** Producer → map on {@code Exec.processes(2)} → consumer in the parent (colocated with the map's results). */
    @Benchmark
    public void processes2(Items counter) {
        run(processes, counter, "processes(2)");
    }

    /** The same pipeline with the map on {@code Exec.threads(2)}: no copy, no worker. */
    @Benchmark
    public void threads2(Items counter) {
        run(threads, counter, "threads(2)");
    }

    private void run(Pipeline p, Items counter, String what) {
        Fixture.runCounted(p, consumed, data.length, counter, what);
    }
}

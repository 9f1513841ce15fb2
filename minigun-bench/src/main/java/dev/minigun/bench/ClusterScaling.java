package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.hazelcast.ClusterConfig;
import dev.minigun.hazelcast.ClusterMember;
import dev.minigun.hazelcast.MemberConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cluster context (issue 9): a CPU-bound map on {@code Exec.cluster(2)} with 1, 2 and 3
 * members, against the same map on {@code Exec.processes(n)} with as many worker JVMs. At
 * {@code cost=0} the items cost nothing to compute, so the rate is the hop's own overhead: with two
 * batches of up to 64 items in flight, one batch's round trip is about {@code 128 / rate}
 * (docs/cluster-scaling.md models many machines from it). The members are embedded in the
 * benchmark's JVM, on loopback, started once per trial; each run connects the coordinator's client
 * and each processes run starts its workers, so both include their per-run start.
 *
 * {@snippet lang="shell" :
 * bin/bench --only ClusterScaling
 * }
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            Fixture.MIN_HEAP,
            Fixture.HEAP,
            Fixture.ALLOW_UNSAFE,
            "-Dhazelcast.logging.type=none",
            "-Dhazelcast.phone.home.enabled=false"
        })
@State(Scope.Thread)
public class ClusterScaling {
    /** Members in the cluster, and worker JVMs of the processes pipeline. */
    @Param({"1", "2", "3"})
    public int members;

    /** Per-item CPU cost of the map, in {@code Blackhole.consumeCPU} tokens (20000 ≈ 40 µs). */
    @Param({"0", "20000"})
    public int cost;

    /** Items per run. */
    @Param({"20000"})
    public int items;

    private Long[] data;
    private final LongAdder consumed = new LongAdder();
    private final List<ClusterMember> started = new ArrayList<>();
    private ClusterConfig.Scope scope;
    private Pipeline cluster;
    private Pipeline processes;
    private final WorkerJvm workerJvm = new WorkerJvm();

    /** Starts the members, makes the items and both pipelines. */
    @Setup(Level.Trial)
    public void setUp() {
        workerJvm.apply();
        data = Fixture.boxedLongs(items);
        String name = "bench-" + UUID.randomUUID();
        int base = 20_000 + 10 * ThreadLocalRandom.current().nextInt(2_000);
        List<String> join = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            join.add("127.0.0.1:" + (base + i));
        }
        try {
            for (int i = 0; i < members; i++) {
                started.add(ClusterMember.start(MemberConfig.loopback(name, base + i, join)));
            }
            scope = ClusterConfig.use(new ClusterConfig(name, join, Duration.ofSeconds(10)));
        } catch (RuntimeException | Error e) {
            try {
                tearDown(); // JMH does not tear down a trial whose setup failed
            } catch (RuntimeException teardownFailure) {
                e.addSuppressed(teardownFailure);
            }
            throw e;
        }
        cluster = pipeline("cluster", Exec.cluster(2));
        processes = pipeline("processes", Exec.processes(members));
    }

    private Pipeline pipeline(String name, Exec exec) {
        Long[] source = data;
        LongAdder count = consumed;
        int tokens = cost;
        Pipeline p = Pipeline.create(name);
        p.config().queueSize(Fixture.BUFFER).maxProcesses(members);
        p.<Long>producer("numbers", out -> {
                    for (Long n : source) {
                        out.emit(n);
                    }
                })
                .map("work", exec, (Long n) -> {
                    Blackhole.consumeCPU(tokens);
                    return n;
                })
                .consume("count", n -> count.increment());
        return p;
    }

    /** Leaves the cluster and puts back the worker JVM options. */
    @TearDown(Level.Trial)
    public void tearDown() {
        RuntimeException failure = null;
        try {
            if (scope != null) {
                scope.close();
                scope = null;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ClusterMember member : started) { // each one, whatever the one before did
            try {
                member.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        workerJvm.restore();
        if (failure != null) {
            throw failure;
        }
    }

    /** The map on {@code Exec.cluster(2)}: at most two batches in flight per member. */
    @Benchmark
    public void cluster(Items counter) {
        run(cluster, counter, "cluster(2) on " + members + " members");
    }

    /** The map on {@code Exec.processes(members)}. */
    @Benchmark
    public void processes(Items counter) {
        run(processes, counter, "processes(" + members + ")");
    }

    private void run(Pipeline p, Items counter, String what) {
        Fixture.runCounted(p, consumed, data.length, counter, what);
    }
}

package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Gatherers;
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
 * P4, I/O-bound: every item blocks for {@link #BLOCK_MILLIS} ms (a sleep standing for a remote
 * call) with {@link #CONCURRENCY} of them in flight, on virtual threads. The ideal is
 * {@link #IDEAL_ITEMS_PER_SECOND} items/s (concurrency ÷ blocking time); the report gives each
 * engine as a percentage of it. Minigun: a sink on {@code Exec.virtualThreads(1000)}. The peers:
 * {@code Gatherers.mapConcurrent(1000)} and a virtual-thread-per-task executor bounded by a
 * semaphore of 1000.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P4BlockingIo {
    /** Items in flight at once. */
    public static final int CONCURRENCY = 1000;

    /** How long each item blocks. */
    public static final int BLOCK_MILLIS = 10;

    /** Items per second if nothing but the blocking took time. */
    public static final double IDEAL_ITEMS_PER_SECOND = CONCURRENCY * 1000.0 / BLOCK_MILLIS;

    /** Items per run (not scaled by the cost: the run is bound by the blocking). */
    @Param({"10000"})
    public int items;

    /** Per-item CPU cost besides the blocking, in {@code Blackhole.consumeCPU} tokens. */
    @Param({"0"})
    public int cost;

    private Long[] data;
    private Blackhole blackhole;
    private Pipeline minigun;

    /** Makes the items and Minigun's pipeline. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        this.blackhole = blackhole;
        data = Fixture.boxedLongs(items);
        int tokens = cost;

        Long[] source = data;
        minigun = Pipeline.create("p4-io");
        minigun.config().queueSize(Fixture.BUFFER).maxVirtualThreads(CONCURRENCY);
        minigun.<Long>producer("source", out -> {
                    for (Long x : source) {
                        out.emit(x);
                    }
                })
                .consume("io", Exec.virtualThreads(CONCURRENCY), x -> blackhole.consume(io(x, tokens)));
    }

    /** The blocking call every engine makes per item. */
    static Long io(Long x, int tokens) throws InterruptedException {
        Thread.sleep(BLOCK_MILLIS);
        if (tokens > 0) {
            Blackhole.consumeCPU(tokens);
        }
        return x;
    }

    /** Minigun: producer → sink on {@code Exec.virtualThreads(1000)}. */
    @Benchmark
    public void minigun(Items counter) {
        long consumed = minigun.run().consumed();
        Fixture.expect(data.length, consumed, "minigun");
        counter.items += data.length;
    }

    /** {@code Arrays.stream(..).gather(Gatherers.mapConcurrent(1000, ..))}. */
    @Benchmark
    public void mapConcurrent(Items counter) {
        int tokens = cost;
        long[] seen = {0};
        Arrays.stream(data)
                .gather(Gatherers.mapConcurrent(CONCURRENCY, (Long x) -> {
                    try {
                        return io(x, tokens);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }))
                .forEach(x -> {
                    blackhole.consume(x);
                    seen[0]++;
                });
        Fixture.expect(data.length, seen[0], "mapConcurrent");
        counter.items += data.length;
    }

    /**
     * No engine, the floor of this JDK and machine: 1000 virtual threads, each making its share of the
     * calls one after another. Nothing is dispatched and nothing waits for an item, so the gap to the
     * ideal is what the sleeps themselves cost (the timer's lateness, the unparking of 1000 threads on as
     * many carriers as cores); no engine on virtual threads can do better.
     */
    @Benchmark
    public void sleepFloor(Items counter) throws InterruptedException {
        int tokens = cost;
        int share = data.length / CONCURRENCY;
        LongAdder done = new LongAdder();
        Thread[] threads = new Thread[CONCURRENCY];
        for (int t = 0; t < CONCURRENCY; t++) {
            int first = t * share;
            threads[t] = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = first; i < first + share; i++) {
                        blackhole.consume(io(data[i], tokens));
                        done.increment();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        Fixture.expect((long) share * CONCURRENCY, done.sum(), "sleep floor");
        counter.items += (long) share * CONCURRENCY;
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, at most 1000 tasks in flight (a semaphore). */
    @Benchmark
    public void virtualThreadExecutor(Items counter) throws InterruptedException {
        int tokens = cost;
        LongAdder done = new LongAdder();
        Semaphore permits = new Semaphore(CONCURRENCY);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Long x : data) {
                permits.acquire();
                executor.execute(() -> {
                    try {
                        blackhole.consume(io(x, tokens));
                        done.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        Fixture.expect(data.length, done.sum(), "virtual-thread executor");
        counter.items += data.length;
    }
}

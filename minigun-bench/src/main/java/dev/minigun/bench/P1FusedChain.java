package dev.minigun.bench;

import dev.minigun.ItemFunction;
import dev.minigun.ItemPredicate;
import dev.minigun.Pipeline;
import dev.minigun.Sink;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Arrays;
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
import reactor.core.publisher.Flux;

/**
 * P1, a fused chain: source → map → filter → sink in one thread, no queue anywhere. Minigun's stages
 * have no {@code Exec}, so the plan colocates map, filter and sink with the producer (direct calls on
 * the producer's thread). The peers: a hand-written loop calling the same three objects through
 * their interfaces (the limit for a generic engine), Reactor {@code Flux} (fused), RxJava
 * {@code Flowable}, and a sequential {@code java.util.stream}. The per-item cost is in the map.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P1FusedChain {
    /** Items per run at no per-item cost (fewer at a higher cost, see {@link Fixture#itemsPerRun}). */
    @Param({"1000000"})
    public int items;

    /** Per-item CPU cost in {@code Blackhole.consumeCPU} tokens (500 ≈ 1 µs, 50000 ≈ 100 µs). */
    @Param({"0", "500"})
    public int cost;

    private Long[] data;
    private long expected;
    private ItemFunction<Long, Long> map;
    private ItemPredicate<Long> filter;
    private Sink<Long> sinkFn;
    private Step step;
    private Keep keep;
    private Drain drain;
    private Pipeline minigun;

    /** Makes the items, the three functions and Minigun's pipeline (built once, run per invocation). */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        data = Fixture.boxedLongs(Fixture.itemsPerRun(items, cost));
        step = new Step(cost);
        keep = new Keep();
        drain = new Drain(blackhole, 0);
        map = step;
        filter = keep;
        sinkFn = drain;
        expected = Arrays.stream(data).filter(x -> keep.test(x + 1)).count();

        Long[] source = data;
        minigun = Pipeline.create("p1-fused");
        minigun.<Long>producer("source", out -> {
                    for (Long x : source) {
                        out.emit(x);
                    }
                })
                .map("map", step)
                .filter("filter", keep)
                .consume("sink", drain);
    }

    /** Minigun: producer, then map, filter and sink colocated with it. */
    @Benchmark
    public void minigun(Items counter) {
        long consumed = minigun.run().consumed();
        Fixture.expect(expected, consumed, "minigun");
        counter.items += data.length;
    }

    /** The limit: a loop calling the same map, filter and sink objects through their interfaces. */
    @Benchmark
    public void plainLoop(Items counter) throws Exception {
        drain.reset();
        ItemFunction<Long, Long> m = map;
        ItemPredicate<Long> f = filter;
        Sink<Long> s = sinkFn;
        for (Long x : data) {
            Long y = m.apply(x);
            if (f.test(y)) {
                s.consume(y);
            }
        }
        Fixture.expect(expected, drain.count(), "plain loop");
        counter.items += data.length;
    }

    /** Reactor: {@code Flux.fromArray(..).map(..).filter(..)}, subscribed in this thread. */
    @Benchmark
    public void reactor(Items counter) {
        drain.reset();
        Flux.fromArray(data).map(step).filter(keep).subscribe(drain);
        Fixture.expect(expected, drain.count(), "reactor");
        counter.items += data.length;
    }

    /** RxJava: {@code Flowable.fromArray(..).map(..).filter(..)}, subscribed in this thread. */
    @Benchmark
    public void rxjava(Items counter) {
        drain.reset();
        Flowable.fromArray(data).map(step).filter(keep).subscribe(drain);
        Fixture.expect(expected, drain.count(), "rxjava");
        counter.items += data.length;
    }

    /** A sequential {@code java.util.stream}: {@code Arrays.stream(..).map(..).filter(..).forEach(..)}. */
    @Benchmark
    public void javaStream(Items counter) {
        drain.reset();
        Arrays.stream(data).map(step).filter(keep).forEach(drain);
        Fixture.expect(expected, drain.count(), "java.util.stream");
        counter.items += data.length;
    }
}

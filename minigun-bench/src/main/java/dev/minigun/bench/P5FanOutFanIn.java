package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Stage;
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
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * P5, fan-out and fan-in: items spread over {@link #WIDTH} worker threads that run the map step
 * (where the per-item cost is), then come together again in one sink. Minigun: a map on
 * {@code Exec.threads(4)} (one shared queue of 256), then a sink the plan puts on its own thread
 * (its upstream is a pool). Reactor: {@code parallel(4).runOn(parallel scheduler, 256).map(..)
 * .sequential()}, as Reactor users write it (the source is drained by whichever rail asks).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P5FanOutFanIn {
    /** Worker threads between the fan-out and the fan-in. */
    public static final int WIDTH = 4;

    /** Items per run at no per-item cost (fewer at a higher cost, see {@link Fixture#itemsPerRun}). */
    @Param({"1000000"})
    public int items;

    /** Per-item CPU cost in the workers, in {@code Blackhole.consumeCPU} tokens (500 ≈ 1 µs). */
    @Param({"0", "500"})
    public int cost;

    private Long[] data;
    private Step step;
    private Drain drain;
    private Pipeline minigun;
    private Pipeline minigunInline;
    private final LongAdder inlineCount = new LongAdder();
    private Scheduler rails;

    /** Makes the items, the step, the sink and Minigun's pipeline; Reactor's scheduler starts on first use. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        data = Fixture.boxedLongs(Fixture.itemsPerRun(items, cost));
        step = new Step(cost);
        drain = new Drain(blackhole, 0);

        minigun = Pipeline.create("p5-fan");
        fanOut(minigun).consume("sink", drain);
        minigunInline = Pipeline.create("p5-fan-inline");
        fanOut(minigunInline).consume("sink", Exec.inline(), x -> {
            blackhole.consume(x);
            inlineCount.increment();
        });
    }

    /** The source and the map on {@code Exec.threads(4)} of pipeline {@code p}; the caller adds the sink. */
    private Stage<Long> fanOut(Pipeline p) {
        Long[] source = data;
        p.config().queueSize(Fixture.BUFFER);
        return p.<Long>producer("source", out -> {
                    for (Long x : source) {
                        out.emit(x);
                    }
                })
                .map("work", Exec.threads(WIDTH), step);
    }

    /** Stops Reactor's scheduler if this trial started it. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (rails != null) {
            rails.dispose();
        }
    }

    /** Minigun: producer → map on {@code Exec.threads(4)} → sink on its own thread. */
    @Benchmark
    public void minigun(Items counter) {
        drain.reset();
        minigun.run();
        Fixture.expect(data.length, drain.count(), "minigun");
        counter.items += data.length;
    }

    /**
     * Minigun with the sink called by the workers themselves ({@code Exec.inline()}): no second hop,
     * and a sink called by four threads at once, so it must be thread-safe (here it counts into a
     * {@code LongAdder}). Not the target's pipeline: the plan puts a plain sink after a pool on a
     * thread of its own, so that it need not be thread-safe; this shows what that hop costs.
     */
    @Benchmark
    public void minigunInlineSink(Items counter) {
        inlineCount.reset();
        minigunInline.run();
        Fixture.expect(data.length, inlineCount.sum(), "minigun, sink inline");
        counter.items += data.length;
    }

    /** Reactor: {@code parallel(4).runOn(newParallel(4), 256).map(..).sequential(256)}. */
    @Benchmark
    public void reactorParallel(Items counter) {
        if (rails == null) {
            rails = Schedulers.newParallel("p5-rail", WIDTH, true);
        }
        drain.reset();
        Flux.fromArray(data)
                .parallel(WIDTH)
                .runOn(rails, Fixture.BUFFER)
                .map(step)
                .sequential(Fixture.BUFFER)
                .doOnNext(drain)
                .blockLast();
        Fixture.expect(data.length, drain.count(), "reactor");
        counter.items += data.length;
    }
}

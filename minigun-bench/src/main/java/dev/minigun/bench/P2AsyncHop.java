package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.bench.support.HopPeers;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
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

/**
 * P2, one async hop: a producer thread hands every item to a consumer thread through a buffer of
 * {@link Fixture#BUFFER}; the per-item cost is paid by the consumer. Minigun: a producer on its own
 * thread and a sink on {@code Exec.threads(1)}. The peers: Reactor {@code subscribeOn} +
 * {@code publishOn}, RxJava {@code subscribeOn} + {@code observeOn}, a Pekko Streams async boundary,
 * the Disruptor 4 with a blocking and a yielding wait strategy, and an {@code ArrayBlockingQueue}.
 * Threads, schedulers, rings and actor systems of the peers live for the whole trial; Minigun's
 * threads are started per run, as its API does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P2AsyncHop {
    /** Items per run at no per-item cost (fewer at a higher cost, see {@link Fixture#itemsPerRun}). */
    @Param({"1000000"})
    public int items;

    /** Per-item CPU cost at the consumer, in {@code Blackhole.consumeCPU} tokens (500 ≈ 1 µs). */
    @Param({"0", "500"})
    public int cost;

    private Long[] data;
    private Drain drain;
    private Pipeline minigun;
    private HopPeers peers;

    /** Makes the items, the sink and Minigun's pipeline; the peers start on first use. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        data = Fixture.boxedLongs(Fixture.itemsPerRun(items, cost));
        drain = new Drain(blackhole, cost);
        peers = new HopPeers("p2-hop", drain);

        Long[] source = data;
        minigun = Pipeline.create("p2-hop");
        minigun.config().queueSize(Fixture.BUFFER);
        minigun.<Long>producer("source", out -> {
                    for (Long x : source) {
                        out.emit(x);
                    }
                })
                .consume("sink", Exec.threads(1), drain);
    }

    /** Stops whatever peer this trial started. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        peers.stop();
    }

    /** Minigun: producer on its own thread → sink on {@code Exec.threads(1)}, queue of 256. */
    @Benchmark
    public void minigun(Items counter) {
        long consumed = minigun.run().consumed();
        Fixture.expect(data.length, consumed, "minigun");
        counter.items += data.length;
    }

    /** Reactor: {@code fromArray → subscribeOn(single) → publishOn(single, 256)}. */
    @Benchmark
    public void reactorPublishOn(Items counter) {
        drain.reset();
        Flux.fromArray(data)
                .subscribeOn(peers.reactorProducer())
                .publishOn(peers.reactorConsumer(), Fixture.BUFFER)
                .doOnNext(drain)
                .blockLast();
        Fixture.expect(data.length, drain.count(), "reactor");
        counter.items += data.length;
    }

    /** RxJava: {@code fromArray → subscribeOn(thread) → observeOn(thread, 256)}. */
    @Benchmark
    public void rxjavaObserveOn(Items counter) {
        drain.reset();
        Flowable.fromArray(data)
                .subscribeOn(peers.rxProducer())
                .observeOn(peers.rxConsumer(), false, Fixture.BUFFER)
                .doOnNext(drain)
                .blockingSubscribe();
        Fixture.expect(data.length, drain.count(), "rxjava");
        counter.items += data.length;
    }

    /** Pekko Streams: {@code Source.from(..).async()} into {@code Sink.foreach}, input buffer 256. */
    @Benchmark
    public void pekkoAsync(Items counter) {
        drain.reset();
        Source.from(Arrays.asList(data))
                .async()
                .toMat(Sink.foreach(drain), Keep.right())
                .addAttributes(Attributes.inputBuffer(Fixture.BUFFER, Fixture.BUFFER))
                .run(peers.pekko())
                .toCompletableFuture()
                .join();
        Fixture.expect(data.length, drain.count(), "pekko");
        counter.items += data.length;
    }

    /** Disruptor 4, ring of 256, {@code BlockingWaitStrategy}; this thread publishes. */
    @Benchmark
    public void disruptorBlocking(Items counter) throws InterruptedException {
        drain.reset();
        peers.disruptorBlocking().run(data);
        Fixture.expect(data.length, drain.count(), "disruptor blocking");
        counter.items += data.length;
    }

    /** Disruptor 4, ring of 256, {@code YieldingWaitStrategy} (the handler spins, then yields); this thread publishes. */
    @Benchmark
    public void disruptorYielding(Items counter) throws InterruptedException {
        drain.reset();
        peers.disruptorYielding().run(data);
        Fixture.expect(data.length, drain.count(), "disruptor yielding");
        counter.items += data.length;
    }

    /** The hand-written baseline: an {@code ArrayBlockingQueue(256)} and one consumer thread; this thread puts. */
    @Benchmark
    public void arrayBlockingQueue(Items counter) throws InterruptedException {
        drain.reset();
        peers.queue().run(data);
        Fixture.expect(data.length, drain.count(), "ArrayBlockingQueue");
        counter.items += data.length;
    }
}

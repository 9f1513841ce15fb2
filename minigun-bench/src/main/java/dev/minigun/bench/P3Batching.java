package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.bench.support.HopPeers;
import java.time.Duration;
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
 * P3, batching across a hop: the producer's thread groups items in lists of {@code batch} (or
 * fewer, once the first item of a list has waited {@link #MAX_WAIT}), and a consumer thread takes
 * the lists through a buffer of {@link Fixture#BUFFER} lists and pays the per-item cost for every
 * item. Minigun: {@code batch(name, size, maxWait)} colocated with the producer, sink on
 * {@code Exec.threads(1)}. The peers: Reactor {@code bufferTimeout} (default and fair
 * backpressure) + {@code publishOn}, Pekko {@code groupedWithin} + async boundary.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P3Batching {
    /** How long the first item of a partial list may wait before the list leaves anyway. */
    public static final Duration MAX_WAIT = Duration.ofMillis(10);

    /** Items per run at no per-item cost (fewer at a higher cost, see {@link Fixture#itemsPerRun}). */
    @Param({"1000000"})
    public int items;

    /** Per-item CPU cost at the consumer, in {@code Blackhole.consumeCPU} tokens (500 ≈ 1 µs). */
    @Param({"0", "500"})
    public int cost;

    /** Items per list. */
    @Param({"100"})
    public int batch;

    private Long[] data;
    private BatchDrain drain;
    private Pipeline minigun;
    private HopPeers peers;

    /** Makes the items, the sink and Minigun's pipeline; the peers start on first use. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        data = Fixture.boxedLongs(Fixture.itemsPerRun(items, cost));
        drain = new BatchDrain(new Drain(blackhole, cost));
        peers = new HopPeers("p3-batch", x -> {}); // only its Reactor threads and Pekko system are used

        Long[] source = data;
        minigun = Pipeline.create("p3-batch");
        minigun.config().queueSize(Fixture.BUFFER);
        minigun.<Long>producer("source", out -> {
                    for (Long x : source) {
                        out.emit(x);
                    }
                })
                .batch("batch", batch, MAX_WAIT)
                .consume("sink", Exec.threads(1), drain);
    }

    /** Stops whatever peer this trial started. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        peers.stop();
    }

    /** Minigun: producer thread, {@code batch(size, 10 ms)} on it, sink on {@code Exec.threads(1)}. */
    @Benchmark
    public void minigun(Items counter) {
        drain.reset();
        minigun.run();
        Fixture.expect(data.length, drain.count(), "minigun");
        counter.items += data.length;
    }

    /** Reactor: {@code subscribeOn → bufferTimeout(size, 10 ms) → publishOn(single, 256)}. */
    @Benchmark
    public void reactorBufferTimeout(Items counter) {
        reactor(counter, false);
    }

    /** Reactor with the fair-backpressure {@code bufferTimeout(size, 10 ms, true)}. */
    @Benchmark
    public void reactorBufferTimeoutFair(Items counter) {
        reactor(counter, true);
    }

    private void reactor(Items counter, boolean fair) {
        drain.reset();
        Flux.fromArray(data)
                .subscribeOn(peers.reactorProducer())
                .bufferTimeout(batch, MAX_WAIT, fair)
                .publishOn(peers.reactorConsumer(), Fixture.BUFFER)
                .doOnNext(drain)
                .blockLast();
        Fixture.expect(data.length, drain.count(), fair ? "reactor fair" : "reactor");
        counter.items += data.length;
    }

    /** Pekko Streams: {@code groupedWithin(size, 10 ms).async()} into {@code Sink.foreach}, input buffer 256. */
    @Benchmark
    public void pekkoGroupedWithin(Items counter) {
        drain.reset();
        Source.from(Arrays.asList(data))
                .groupedWithin(batch, MAX_WAIT)
                .async()
                .toMat(Sink.foreach(drain), Keep.right())
                .addAttributes(Attributes.inputBuffer(Fixture.BUFFER, Fixture.BUFFER))
                .run(peers.pekko())
                .toCompletableFuture()
                .join();
        Fixture.expect(data.length, drain.count(), "pekko");
        counter.items += data.length;
    }
}

package dev.minigun.bench;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.bench.support.HopPeers;
import dev.minigun.bench.support.PingPong;
import dev.minigun.bench.support.Probes;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Iterator;
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
 * P2 latency: the same hops as {@link P2AsyncHop}, but with one item in flight at a time
 * ({@link PingPong}): the producer stamps an item, emits it, and waits until the consumer has
 * recorded its arrival before the next one. What is measured is the one-way time of a hop into an
 * idle consumer, including its wake-up; the percentiles come out through
 * {@link dev.minigun.bench.support.ProbeProfiler} as {@code hop.p50} ... {@code hop.max} (µs). The
 * primary score is round trips per second. No per-item cost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {Fixture.MIN_HEAP, Fixture.HEAP, Fixture.ALLOW_UNSAFE})
@State(Scope.Thread)
public class P2HopLatency {
    /** Round trips per run. */
    @Param({"20000"})
    public int items;

    private PingPong pingPong;
    private Pipeline minigun;
    private HopPeers peers;

    /** Makes the ping-pong and Minigun's pipeline; the peers start on first use. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        pingPong = new PingPong(Fixture.boxedLongs(items), Probes.hopLatency(), blackhole);
        peers = new HopPeers("p2-latency", pingPong::arrive);
        PingPong pp = pingPong;
        minigun = Pipeline.create("p2-latency");
        minigun.config().queueSize(Fixture.BUFFER);
        minigun.<Long>producer("source", out -> {
                    Iterator<Long> it = pp.source();
                    while (it.hasNext()) {
                        out.emit(it.next());
                    }
                })
                .consume("sink", Exec.threads(1), pp::arrive);
    }

    /** Forgets the warm-up's hops: an iteration reports only its own. */
    @Setup(Level.Iteration)
    public void clearHops() {
        Probes.hopLatency().clear();
    }

    /** Stops whatever peer this trial started. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        peers.stop();
    }

    /** Minigun: producer thread → sink on {@code Exec.threads(1)}. */
    @Benchmark
    public void minigun(Items counter) {
        minigun.run();
        finish(counter, "minigun");
    }

    /** Reactor: {@code fromIterable → subscribeOn(single) → publishOn(single, 256)}. */
    @Benchmark
    public void reactorPublishOn(Items counter) {
        Flux.fromIterable(pingPong::source)
                .subscribeOn(peers.reactorProducer())
                .publishOn(peers.reactorConsumer(), Fixture.BUFFER)
                .doOnNext(pingPong::arrive)
                .blockLast();
        finish(counter, "reactor");
    }

    /** RxJava: {@code fromIterable → subscribeOn(thread) → observeOn(thread, 256)}. */
    @Benchmark
    public void rxjavaObserveOn(Items counter) {
        Flowable.fromIterable(pingPong::source)
                .subscribeOn(peers.rxProducer())
                .observeOn(peers.rxConsumer(), false, Fixture.BUFFER)
                .doOnNext(pingPong::arrive)
                .blockingSubscribe();
        finish(counter, "rxjava");
    }

    /** Pekko Streams: {@code Source.fromIterator(..).async()} into {@code Sink.foreach}, input buffer 256. */
    @Benchmark
    public void pekkoAsync(Items counter) {
        Source.fromIterator(pingPong::source)
                .async()
                .toMat(Sink.foreach(pingPong::arrive), Keep.right())
                .addAttributes(Attributes.inputBuffer(Fixture.BUFFER, Fixture.BUFFER))
                .run(peers.pekko())
                .toCompletableFuture()
                .join();
        finish(counter, "pekko");
    }

    /** Disruptor 4, {@code BlockingWaitStrategy}; this thread publishes. */
    @Benchmark
    public void disruptorBlocking(Items counter) throws InterruptedException {
        peers.disruptorBlocking().run(pingPong.source(), items);
        finish(counter, "disruptor blocking");
    }

    /** Disruptor 4, {@code YieldingWaitStrategy}; this thread publishes. */
    @Benchmark
    public void disruptorYielding(Items counter) throws InterruptedException {
        peers.disruptorYielding().run(pingPong.source(), items);
        finish(counter, "disruptor yielding");
    }

    /** {@code ArrayBlockingQueue(256)} and one consumer thread; this thread puts. */
    @Benchmark
    public void arrayBlockingQueue(Items counter) throws InterruptedException {
        peers.queue().run(pingPong.source());
        finish(counter, "ArrayBlockingQueue");
    }

    private void finish(Items counter, String engine) {
        Fixture.expect(items, pingPong.arrived(), engine);
        counter.items += items;
    }
}

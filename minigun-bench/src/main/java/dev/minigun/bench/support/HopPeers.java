package dev.minigun.bench.support;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.minigun.bench.Fixture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.pekko.actor.ActorSystem;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The peers of the one-hop workloads (P2's throughput and latency), each started on first use and
 * kept for the trial: Reactor's and RxJava's producer and consumer threads, a Pekko actor system,
 * the Disruptor with a blocking and a yielding wait, and an {@code ArrayBlockingQueue} hop. The
 * Disruptor and queue hops hand every item to {@code sink}. {@link #stop} stops what was started.
 */
public final class HopPeers {
    private final String name;
    private final Consumer<Long> sink;
    private Scheduler reactorProducer;
    private Scheduler reactorConsumer;
    private ExecutorService rxProducerThread;
    private ExecutorService rxConsumerThread;
    private io.reactivex.rxjava3.core.Scheduler rxProducer;
    private io.reactivex.rxjava3.core.Scheduler rxConsumer;
    private ActorSystem pekko;
    private DisruptorHop disruptorBlocking;
    private DisruptorHop disruptorYielding;
    private QueueHop queue;

    /** Peers named after {@code name} (thread and actor-system names), whose hops feed {@code sink}. */
    public HopPeers(String name, Consumer<Long> sink) {
        this.name = name;
        this.sink = sink;
    }

    /** Reactor's producer thread, for {@code subscribeOn}. */
    public Scheduler reactorProducer() {
        startReactor();
        return reactorProducer;
    }

    /** Reactor's consumer thread, for {@code publishOn}. */
    public Scheduler reactorConsumer() {
        startReactor();
        return reactorConsumer;
    }

    private void startReactor() {
        if (reactorProducer == null) {
            reactorProducer = Schedulers.newSingle(name + "-producer", true);
            reactorConsumer = Schedulers.newSingle(name + "-consumer", true);
        }
    }

    /** RxJava's producer thread, for {@code subscribeOn}. */
    public io.reactivex.rxjava3.core.Scheduler rxProducer() {
        startRx();
        return rxProducer;
    }

    /** RxJava's consumer thread, for {@code observeOn}. */
    public io.reactivex.rxjava3.core.Scheduler rxConsumer() {
        startRx();
        return rxConsumer;
    }

    private void startRx() {
        if (rxProducer == null) {
            rxProducerThread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().factory());
            rxConsumerThread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().factory());
            rxProducer = io.reactivex.rxjava3.schedulers.Schedulers.from(rxProducerThread);
            rxConsumer = io.reactivex.rxjava3.schedulers.Schedulers.from(rxConsumerThread);
        }
    }

    /** The Pekko actor system streams materialize on. */
    public ActorSystem pekko() {
        if (pekko == null) {
            pekko = PekkoSystem.start(name);
        }
        return pekko;
    }

    /** A Disruptor 4 ring of {@link Fixture#BUFFER} with a {@code BlockingWaitStrategy}. */
    public DisruptorHop disruptorBlocking() {
        if (disruptorBlocking == null) {
            disruptorBlocking = new DisruptorHop(new BlockingWaitStrategy(), Fixture.BUFFER, sink);
        }
        return disruptorBlocking;
    }

    /** A Disruptor 4 ring of {@link Fixture#BUFFER} with a {@code YieldingWaitStrategy}. */
    public DisruptorHop disruptorYielding() {
        if (disruptorYielding == null) {
            disruptorYielding = new DisruptorHop(new YieldingWaitStrategy(), Fixture.BUFFER, sink);
        }
        return disruptorYielding;
    }

    /** An {@code ArrayBlockingQueue(}{@link Fixture#BUFFER}{@code )} and one consumer thread. */
    public QueueHop queue() {
        if (queue == null) {
            queue = new QueueHop(Fixture.BUFFER, sink);
        }
        return queue;
    }

    /** Stops every peer that was started. */
    public void stop() throws Exception {
        if (reactorProducer != null) {
            reactorProducer.dispose();
            reactorConsumer.dispose();
        }
        if (rxProducer != null) {
            rxProducer.shutdown();
            rxConsumer.shutdown();
            rxProducerThread.shutdownNow();
            rxConsumerThread.shutdownNow();
        }
        PekkoSystem.stop(pekko);
        if (disruptorBlocking != null) {
            disruptorBlocking.close();
        }
        if (disruptorYielding != null) {
            disruptorYielding.close();
        }
        if (queue != null) {
            queue.close();
        }
    }
}

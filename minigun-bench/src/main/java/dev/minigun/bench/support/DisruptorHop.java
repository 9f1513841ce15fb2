package dev.minigun.bench.support;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A Disruptor 4 hop as the Disruptor is meant to be used: one ring and one handler thread that live
 * for the whole trial, fed by the calling thread (single producer). {@link #run} publishes a run's
 * items and returns once the handler has seen the last one.
 */
public final class DisruptorHop implements AutoCloseable {
    /** One slot of the ring. */
    static final class Slot {
        Long value;
    }

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final Consumer<Long> sink;
    private volatile CountDownLatch done = new CountDownLatch(0);
    private volatile long lastSequence = Long.MIN_VALUE;

    /** Starts a ring of {@code size} slots whose handler thread waits with {@code wait} and feeds {@code sink}. */
    public DisruptorHop(WaitStrategy wait, int size, Consumer<Long> sink) {
        this.sink = sink;
        this.disruptor = new Disruptor<>(Slot::new, size, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, wait);
        EventHandler<Slot> handler = this::onEvent;
        disruptor.handleEventsWith(handler);
        this.ring = disruptor.start();
    }

    private void onEvent(Slot slot, long sequence, boolean endOfBatch) {
        Long value = slot.value;
        slot.value = null;
        sink.accept(value);
        if (sequence == lastSequence) {
            done.countDown();
        }
    }

    /** Publishes {@code items} from the calling thread; returns when the handler has seen them all. */
    public void run(Long[] items) throws InterruptedException {
        if (items.length == 0) {
            return;
        }
        CountDownLatch latch = begin(items.length);
        for (Long item : items) {
            long sequence = ring.next();
            ring.get(sequence).value = item;
            ring.publish(sequence);
        }
        latch.await();
    }

    /** Publishes {@code count} items of {@code items} as the iterator hands them out. */
    public void run(Iterator<Long> items, int count) throws InterruptedException {
        if (count == 0) {
            return;
        }
        CountDownLatch latch = begin(count);
        while (items.hasNext()) {
            Long item = items.next();
            long sequence = ring.next();
            ring.get(sequence).value = item;
            ring.publish(sequence);
        }
        latch.await();
    }

    private CountDownLatch begin(int count) {
        CountDownLatch latch = new CountDownLatch(1);
        done = latch;
        lastSequence = ring.getCursor() + count;
        return latch;
    }

    /** Stops the handler thread. */
    @Override
    public void close() {
        disruptor.halt();
    }
}

package dev.minigun.bench.support;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The hand-written baseline of a hop: an {@link ArrayBlockingQueue} and one consumer thread that
 * lives for the whole trial, fed by the calling thread. A marker object ends each run.
 */
public final class QueueHop implements AutoCloseable {
    private static final Object END_OF_RUN = new Object();
    private static final Object STOP = new Object();

    private final ArrayBlockingQueue<Object> queue;
    private final Thread consumer;
    private volatile CountDownLatch done = new CountDownLatch(0);

    /** Starts a consumer thread that takes from a queue of {@code capacity} and feeds {@code sink}. */
    public QueueHop(int capacity, Consumer<Long> sink) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = Thread.ofPlatform().name("abq-consumer").daemon().start(() -> consume(sink));
    }

    private void consume(Consumer<Long> sink) {
        try {
            while (true) {
                Object item = queue.take();
                if (item == STOP) {
                    return;
                }
                if (item == END_OF_RUN) {
                    done.countDown();
                } else {
                    sink.accept((Long) item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts {@code items} from the calling thread; returns when the consumer has taken them all. */
    public void run(Long[] items) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        done = latch;
        for (Long item : items) {
            queue.put(item);
        }
        queue.put(END_OF_RUN);
        latch.await();
    }

    /** Puts every item {@code items} hands out; returns when the consumer has taken them all. */
    public void run(Iterator<Long> items) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        done = latch;
        while (items.hasNext()) {
            queue.put(items.next());
        }
        queue.put(END_OF_RUN);
        latch.await();
    }

    /** Stops the consumer thread. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            consumer.join(10_000);
        } catch (InterruptedException e) {
            consumer.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.minigun.examples;

import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Priority and adaptive pools, two ways to share threads well.
 *
 * <p><b>Priority.</b> A checkout charges cards and computes recommendations from the same orders,
 * under a global {@code maxThreads(8)}. Both ask for six threads; charging has {@code priority(1)},
 * so it gets all six, and recommendations (priority 0) get what is left: one thread, never none.
 *
 * <p><b>Adaptive pool.</b> A thumbnailer gets uploads in bursts. {@code Exec.threads(1, 4)} starts
 * with one thread, grows one at a time (up to four) while its queue stays half full and its
 * threads are busy, and gives threads back after half a second without work: four threads during
 * a burst, one in between, and the run's report shows how many it has now.
 */
public final class PriorityAndAdaptivePools {
    private PriorityAndAdaptivePools() {}

    /** An uploaded picture. */
    record Upload(int id, String file) {}

    static final int ORDERS = 100;
    static final int BURST = 150;

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        checkout(out);
        return thumbnails(out);
    }

    static void checkout(PrintStream out) {
        AtomicInteger charged = new AtomicInteger();
        AtomicInteger recommended = new AtomicInteger();
        Pipeline p = Pipeline.create("checkout");
        p.config().maxThreads(8);
        Stage<Integer> orders = p.producer("orders", (Emitter<Integer> emitter) -> {
            for (int i = 1; i <= ORDERS; i++) {
                emitter.emit(i);
            }
        });
        orders.consume("charge", Exec.threads(6).priority(1), order -> charged.incrementAndGet());
        orders.consume("recommend", Exec.threads(6), order -> recommended.incrementAndGet());

        out.println("charge:    " + p.plan().placement("charge").contexts() + " threads (priority 1)");
        out.println("recommend: " + p.plan().placement("recommend").contexts() + " thread (priority 0)");
        p.plan().explain().lines().filter(l -> l.contains("maxThreads 8:")).forEach(l -> out.println(l.strip()));
        p.run();
        out.printf("Charged %d and recommended for %d of %d orders%n", charged.get(), recommended.get(), ORDERS);
    }

    static RunReport thumbnails(PrintStream out) {
        CountDownLatch secondBurst = new CountDownLatch(1);
        AtomicInteger stored = new AtomicInteger();
        Pipeline p = Pipeline.create("thumbnails");
        p.producer("uploads", (Emitter<Upload> emitter) -> {
                    for (int i = 0; i < BURST; i++) {
                        emitter.emit(new Upload(i, "photo-" + i + ".jpg"));
                    }
                    secondBurst.await(); // a quiet spell, until the watcher below has seen the pool shrink
                    for (int i = BURST; i < 2 * BURST; i++) {
                        emitter.emit(new Upload(i, "photo-" + i + ".jpg"));
                    }
                })
                .map("resize", Exec.threads(1, 4).queueSize(16), (Upload u) -> {
                    Thread.sleep(Duration.ofMillis(5)); // the simulated resize: slow, blocking
                    return u.file().replace(".jpg", "-thumb.jpg");
                })
                .consume("store", thumb -> stored.incrementAndGet());

        p.plan()
                .explain()
                .lines()
                .filter(l -> l.contains("resize"))
                .forEach(l -> out.println(l.strip().replaceAll(" +", " ")));
        Running run = p.start();
        out.println("Grew to 4 threads under the first burst: " + within(() -> threads(run) == 4));
        out.println("Back to 1 thread when idle: " + within(() -> threads(run) == 1));
        secondBurst.countDown();
        out.println("Grew to 4 again for the second burst: " + within(() -> threads(run) == 4));
        RunReport report = run.await();
        out.printf("Stored %d of %d thumbnails%n", stored.get(), 2 * BURST);
        return report;
    }

    static int threads(Running run) {
        return run.stats().stage("resize").contexts();
    }

    /** Whether {@code condition} holds within 20 seconds (checked every 5 ms). */
    static boolean within(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return true;
    }
}

package dev.minigun;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stage on virtual threads is for items that block: every one of its contexts is started and
 * gets items, and no worker holds an item back while it blocks on another.
 */
class VirtualThreadStagesTest {

    @Test
    void aThousandVirtualThreadsEachHaveAnItemInFlightAtOnce() {
        int concurrency = 1000;
        CountDownLatch allInFlight = new CountDownLatch(concurrency);
        AtomicInteger metTheOthers = new AtomicInteger();
        Pipeline p = Pipeline.create("fan");
        p.config().maxVirtualThreads(concurrency);
        p.producer("calls", (Emitter<Integer> out) -> {
                    for (int i = 0; i < concurrency; i++) {
                        out.emit(i);
                    }
                })
                .consume("call", Exec.virtualThreads(concurrency), i -> {
                    allInFlight.countDown();
                    if (allInFlight.await(10, TimeUnit.SECONDS)) { // a call that needs all the others
                        metTheOthers.incrementAndGet();
                    }
                });

        RunReport report = assertConserved(p.run());

        assertThat(metTheOthers.get()).isEqualTo(concurrency);
        assertThat(report.stage("call").contexts()).isEqualTo(concurrency);
    }

    @Test
    void aWorkerOnVirtualThreadsNeverHoldsAnItemBackWhileItsCurrentOneBlocks() {
        CountDownLatch allQueued = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Pipeline p = Pipeline.create("hold");
        p.config().queueSize(64);
        p.producer("requests", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 10; i++) {
                        out.emit(i);
                    }
                    allQueued.countDown();
                })
                .consume("call", Exec.virtualThreads(2), i -> {
                    if (i == 0 && !secondDone.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("item 1 never ran while item 0 waited for it");
                    }
                    if (i == 1) {
                        secondDone.countDown();
                    }
                })
                // Every item is queued before either worker takes one: taking several at a time, the
                // first would take items 0 to 4 and wait, in item 0, for item 1 in its own hands.
                .beforeStage(() -> allQueued.await(30, TimeUnit.SECONDS));

        RunReport report = assertConserved(p.run());

        assertThat(report.stage("call").completed()).isEqualTo(10);
    }
}

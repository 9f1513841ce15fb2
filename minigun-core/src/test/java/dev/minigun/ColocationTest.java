package dev.minigun;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ColocationTest {

    @Test
    void colocatedStagesAreDirectCallsWithNoQueueAndNoThreadHop() {
        Pipeline p = Pipeline.create("fused");
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger lastStored = new AtomicInteger(-1);
        AtomicInteger seenBeforeEmitReturned = new AtomicInteger();
        p.producer("read", (Emitter<Integer> out) -> {
                    threads.add(Thread.currentThread());
                    for (int i = 0; i < 10_000; i++) {
                        out.emit(i);
                        // A direct call: by the time emit returns, the sink has stored the item.
                        if (lastStored.get() == i) {
                            seenBeforeEmitReturned.incrementAndGet();
                        }
                    }
                })
                .map("parse", i -> {
                    threads.add(Thread.currentThread());
                    return i;
                })
                .filter("valid", i -> {
                    threads.add(Thread.currentThread());
                    return true;
                })
                .consume("store", i -> {
                    threads.add(Thread.currentThread());
                    lastStored.set(i);
                });

        assertThat(p.plan().placements())
                .allSatisfy(placed -> assertThat(placed.isQueued()).isFalse());
        RunReport report = assertConserved(p.run());

        assertThat(threads).as("one thread ran every stage").hasSize(1);
        assertThat(seenBeforeEmitReturned).hasValue(10_000);
        assertThat(report.stages()).allSatisfy(s -> assertThat(s.peakQueued()).isZero());
    }
}

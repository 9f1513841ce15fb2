package dev.minigun;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    @Test
    void aSlowConsumerBoundsItsQueueAndStillReceivesEverything() {
        Pipeline p = Pipeline.create("slow");
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger widestGap = new AtomicInteger();
        p.producer("fast", (Emitter<Integer> out) -> {
                    for (int i = 1; i <= 2_000; i++) {
                        out.emit(i);
                        // Emitted but not yet consumed: at most 10 queued plus 1 in the consumer's hands.
                        widestGap.accumulateAndGet(i - consumed.get(), Math::max);
                    }
                })
                .consume("slow", Exec.threads(1).queueSize(10), i -> {
                    LockSupport.parkNanos(20_000); // the slow work itself
                    consumed.incrementAndGet();
                });

        RunReport report = assertConserved(p.run());

        assertThat(report.stage("slow").peakQueued()).isLessThanOrEqualTo(10).isPositive();
        assertThat(widestGap.get()).isLessThanOrEqualTo(11);
        assertThat(consumed).hasValue(2_000);
    }
}

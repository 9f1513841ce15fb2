package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static dev.minigun.testing.ThreadCensus.awaitNoMinigunThreads;
import static dev.minigun.testing.ThreadCensus.minigunThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimeoutAndStuckTest {

    @Test
    void aTimeoutCancelsTheRunAndSaysSo() {
        Pipeline p = Pipeline.create("slow");
        p.config().timeout(Duration.ofMillis(300));
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; ; i++) {
                        out.emit(i);
                    }
                })
                .consume("store", Exec.virtualThreads(2), i -> Thread.sleep(1));

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.getMessage())
                .isEqualTo("pipeline 'slow' was cancelled: the run timed out after 300 ms (config().timeout)");
        assertThat(assertNothingLost(e.report().orElseThrow()).outcome()).isEqualTo("cancelled");
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void cooperativeStagesStopWithinASecondOfACancel() throws Exception {
        Set<String> before = minigunThreads();
        Pipeline p = Pipeline.create("cooperative");
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch busy = new CountDownLatch(4);
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; ; i++) {
                        out.emit(i);
                    }
                })
                .map("call", Exec.virtualThreads(4), i -> {
                    seen.add(Thread.currentThread());
                    busy.countDown();
                    Thread.sleep(60_000); // a remote call that would take a minute
                    return i;
                })
                .consume("store", Exec.threads(2), i -> {});

        Running running = p.start();
        assertThat(busy.await(30, TimeUnit.SECONDS)).as("four calls in flight").isTrue();
        long start = System.nanoTime();
        running.cancel();
        boolean ended = running.await(Duration.ofSeconds(5));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(ended).isTrue();
        assertThat(tookMillis).as("cancel to end, ms").isLessThan(1_000);
        assertThat(seen).hasSize(4).noneMatch(Thread::isAlive);
        assertThat(minigunThreads()).isEqualTo(before);
    }

    static volatile boolean stubborn;

    @Test
    void aStageThatIgnoresInterruptsIsNamedAsStuckAndReportedAbandoned() throws Exception {
        stubborn = true;
        Pipeline p = Pipeline.create("deaf");
        p.config().stopGrace(Duration.ofMillis(300));
        AtomicInteger entered = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 10; i++) {
                        out.emit(i);
                    }
                })
                .consume("spin", Exec.threads(1), i -> {
                    entered.incrementAndGet();
                    inside.countDown();
                    while (stubborn) {
                        Thread.onSpinWait(); // deaf to interrupts
                    }
                });
        try {
            Running running = p.start();
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            running.cancel();
            PipelineException e = assertThrows(PipelineException.class, running::await);

            assertThat(e.getMessage())
                    .isEqualTo("pipeline 'deaf' was cancelled: cancelled by the caller; these contexts ignored the"
                            + " interrupt for 300 ms and were abandoned: [deaf/spin#0]");
            RunReport report = e.report().orElseThrow();
            assertThat(report.abandoned()).containsExactly("deaf/spin#0");
            assertThat(report.toString()).contains("abandoned [deaf/spin#0]");
        } finally {
            stubborn = false;
            awaitNoMinigunThreads(Duration.ofSeconds(30));
        }
        assertThat(minigunThreads()).isEmpty();
        assertThat(entered).hasValue(1);
    }
}

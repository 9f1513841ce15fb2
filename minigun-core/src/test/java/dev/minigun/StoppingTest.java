package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static dev.minigun.testing.ThreadCensus.awaitNoMinigunThreads;
import static dev.minigun.testing.ThreadCensus.minigunThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A run always stops, whatever thread is doing what when the stop comes: the coordinator flushing
 * batches, a timer flushing, a failing thread that re-set its own interrupt flag, a caller that
 * interrupts more than once. Regression tests for the cases a concurrency review found.
 */
class StoppingTest {

    @Test
    void aFailureThrownFromAnInterruptedThreadStillStopsTheRun() {
        Pipeline p = Pipeline.create("abort");
        p.config().stopGrace(Duration.ofMillis(500)).queueSize(1);
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> {
            for (int i = 0; i < 3; i++) {
                out.emit(i);
            }
        });
        p.merge("all", source.batch("b1", 100), source.batch("b2", 100), source.batch("b3", 100))
                .consume("sink", (List<Integer> rows) -> {
                    Thread.sleep(100); // the work, while the coordinator flushes into the full queue
                    Thread.currentThread().interrupt(); // "restore the interrupt, then throw"
                    throw new IllegalStateException("boom");
                });

        Running running = p.start();

        assertThat(running.await(Duration.ofSeconds(20))).as("the run ended").isTrue();
        PipelineException e = assertThrows(PipelineException.class, running::await);
        assertThat(e.stage()).contains("sink");
        assertNothingLost(e.report().orElseThrow());
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void cancelReachesStageCodeThatTheCoordinatorRunsWhileFlushing() throws Exception {
        Pipeline p = Pipeline.create("flush");
        CountDownLatch inSink = new CountDownLatch(1);
        p.producer("source", (Emitter<Integer> out) -> out.emit(1))
                .batch("rows", 10)
                .consume("sink", Exec.inline(), (List<Integer> rows) -> {
                    inSink.countDown();
                    Thread.sleep(60_000); // a slow call made from the final flush
                });

        Running running = p.start();
        assertThat(inSink.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel();

        assertThat(running.await(Duration.ofSeconds(20))).as("the run ended").isTrue();
        PipelineException e = assertThrows(PipelineException.class, running::await);
        assertThat(e.getMessage()).isEqualTo("pipeline 'flush' was cancelled: cancelled by the caller");
        assertNothingLost(e.report().orElseThrow());
        assertThat(minigunThreads()).isEmpty();
    }

    static volatile boolean spinning;

    @Test
    void aTimedFlushThatIgnoresInterruptsIsAbandonedAfterTheGracePeriodAndNamed() throws Exception {
        spinning = true;
        Pipeline p = Pipeline.create("stubborn");
        p.config().stopGrace(Duration.ofMillis(200));
        CountDownLatch inSink = new CountDownLatch(1);
        p.producer("source", (Emitter<Integer> out) -> {
                    out.emit(1);
                    inSink.await(30, TimeUnit.SECONDS);
                })
                .batch("rows", 10, Duration.ofMillis(10))
                .consume("sink", Exec.inline(), (List<Integer> rows) -> {
                    inSink.countDown();
                    while (spinning) {
                        Thread.onSpinWait(); // deaf to interrupts
                    }
                });
        try {
            Running running = p.start();
            assertThat(inSink.await(30, TimeUnit.SECONDS)).isTrue();
            running.cancel();

            assertThat(running.await(Duration.ofSeconds(20)))
                    .as("the run ended while the flush still spins")
                    .isTrue();
            PipelineException e = assertThrows(PipelineException.class, running::await);
            assertThat(e.getMessage())
                    .startsWith("pipeline 'stubborn' was cancelled: cancelled by the caller; these contexts ignored"
                            + " the interrupt for 200 ms and were abandoned: [minigun-stubborn/batch-timer]");
        } finally {
            spinning = false;
            awaitNoMinigunThreads(Duration.ofSeconds(30));
        }
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void repeatedInterruptsOfTheCallerNeverCutTheTeardownShort() throws Exception {
        Pipeline p = Pipeline.create("pestered");
        CountDownLatch inSink = new CountDownLatch(1);
        p.producer("source", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 10; i++) {
                        out.emit(i);
                    }
                })
                .consume("sink", Exec.threads(1), i -> {
                    inSink.countDown();
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait(); // finishes its item, deaf to interrupts, then stops
                    }
                });
        Thread caller = Thread.currentThread();
        AtomicReference<Boolean> returned = new AtomicReference<>(false);
        Thread pest = Thread.ofPlatform().start(() -> {
            try {
                inSink.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            while (!returned.get()) {
                caller.interrupt();
                LockSupport.parkNanos(2_000_000);
            }
        });
        Set<String> leftBehind;
        try {
            assertThrows(PipelineException.class, p::run);
        } finally {
            leftBehind = minigunThreads();
            returned.set(true);
            while (pest.isAlive()) {
                try {
                    pest.join();
                } catch (InterruptedException stillPestered) {
                    // its last interrupts may land here
                }
            }
            Thread.interrupted();
        }
        assertThat(leftBehind).as("engine threads alive when run() returned").isEmpty();
    }
}

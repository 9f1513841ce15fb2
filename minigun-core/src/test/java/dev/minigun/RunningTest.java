package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static dev.minigun.testing.ThreadCensus.minigunThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunningTest {

    static Source<Long> endless() {
        return out -> {
            for (long i = 0; ; i++) {
                out.emit(i);
            }
        };
    }

    @Test
    void startReturnsAtOnceAndStatsShowProgressWhileItRuns() throws Exception {
        Pipeline p = Pipeline.create("watch");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstSeen = new CountDownLatch(1);
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 100; i++) {
                        out.emit(i);
                    }
                })
                .consume("store", Exec.threads(1), i -> {
                    firstSeen.countDown();
                    release.await(30, TimeUnit.SECONDS);
                });

        Running running = p.start();
        assertThat(firstSeen.await(30, TimeUnit.SECONDS)).isTrue();
        RunReport live = running.stats();
        assertThat(live.outcome()).isEqualTo("running");
        assertThat(live.stage("store").in()).isPositive();
        assertThat(running.isDone()).isFalse();

        release.countDown();
        RunReport report = assertNothingLost(running.await());

        assertThat(report.consumed()).isEqualTo(100);
        assertThat(running.isDone()).isTrue();
        assertThat(running.await(Duration.ofSeconds(1))).isTrue();
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void cancelStopsAnEndlessRunAndTheReportSaysWhatWasInFlight() throws Exception {
        Pipeline p = Pipeline.create("endless");
        CountDownLatch flowing = new CountDownLatch(1_000);
        p.producer("read", endless())
                .map("parse", Exec.threads(2), i -> i * 2)
                .consume("store", Exec.virtualThreads(8), i -> flowing.countDown());

        Running running = p.start();
        assertThat(flowing.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        PipelineException e = assertThrows(PipelineException.class, running::await);

        assertThat(e.getMessage()).isEqualTo("pipeline 'endless' was cancelled: cancelled by the caller");
        RunReport report = assertNothingLost(e.report().orElseThrow());
        assertThat(report.outcome()).isEqualTo("cancelled");
        assertThat(report.consumed()).isGreaterThanOrEqualTo(1_000);
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void cancellingABatchingRunCountsThePartialBatchAsInFlight() throws Exception {
        Pipeline p = Pipeline.create("batching");
        CountDownLatch flowing = new CountDownLatch(3);
        p.producer("read", endless())
                .batch("rows", 1_000)
                .consume("store", Exec.threads(1).queueSize(2), rows -> flowing.countDown());

        Running running = p.start();
        assertThat(flowing.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        PipelineException e = assertThrows(PipelineException.class, running::await);

        RunReport report = assertNothingLost(e.report().orElseThrow());
        StageReport rows = report.stage("rows");
        assertThat(rows.completed())
                .as("every item counted done left in a delivered list")
                .isEqualTo(rows.delivered() * 1_000);
        assertThat(rows.in()).isEqualTo(report.stage("read").delivered());
    }

    @Test
    void interruptingTheThreadBlockedInRunStopsTheRun() throws Exception {
        Pipeline p = Pipeline.create("interrupted");
        CountDownLatch flowing = new CountDownLatch(100);
        p.producer("read", endless()).consume("store", Exec.threads(1), i -> flowing.countDown());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();

        Thread caller = Thread.ofPlatform().name("caller").start(() -> {
            try {
                p.run();
            } catch (Throwable t) {
                thrown.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        assertThat(flowing.await(30, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(30_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get())
                .isInstanceOf(PipelineException.class)
                .hasMessage(
                        "pipeline 'interrupted' was cancelled: the thread running pipeline 'interrupted' was interrupted");
        assertThat(stillInterrupted.get())
                .as("the interrupt status is kept for the caller")
                .isTrue();
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void aPipelineCanRunAgainAndEachRunIsIndependent() {
        Pipeline p = Pipeline.create("twice");
        p.producer("read", (Emitter<Integer> out) -> out.emit(1)).consume("store", i -> {});

        assertThat(assertNothingLost(p.run()).consumed()).isEqualTo(1);
        assertThat(assertNothingLost(p.run()).consumed()).isEqualTo(1);
    }
}

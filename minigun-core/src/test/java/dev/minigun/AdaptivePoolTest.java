package dev.minigun;

import static dev.minigun.testing.Eventually.within;
import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.execution.ExecutionOrchestrator;
import dev.minigun.testing.ThreadCensus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adaptive pool ({@code Exec.threads(min, max)}) under a bursty producer: it grows to its
 * maximum while its queue stays full and its threads busy, goes back to its minimum when idle,
 * grows again for the next burst, and loses nothing on the way.
 */
class AdaptivePoolTest {
    static final int BURST = 400;

    static int contexts(Running run, String stage) {
        return run.stats().stage(stage).contexts();
    }

    static long alive(Running run, String stage) {
        return run.contexts().stream()
                .filter(c -> c.stage().equals(stage) && c.alive())
                .count();
    }

    @Test
    void growsToMaxUnderABurstShrinksToMinWhenIdleAndLosesNothing(@TempDir Path dir) throws Exception {
        CountDownLatch secondBurst = new CountDownLatch(1);
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        AtomicInteger busyNow = new AtomicInteger();
        AtomicInteger busyPeak = new AtomicInteger();
        AtomicInteger beforeStage = new AtomicInteger();
        Pipeline p = Pipeline.create("bursty");
        p.config().maxThreads(8);
        p.producer("source", (Emitter<Integer> out) -> {
                    for (int i = 0; i < BURST; i++) {
                        out.emit(i);
                    }
                    if (!secondBurst.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never asked for the second burst");
                    }
                    for (int i = BURST; i < 2 * BURST; i++) {
                        out.emit(i);
                    }
                })
                .map("work", Exec.threads(1, 4).queueSize(16), (Integer i) -> {
                    workers.add(Thread.currentThread());
                    busyPeak.accumulateAndGet(busyNow.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5); // simulated blocking work
                    } finally {
                        busyNow.decrementAndGet();
                    }
                    return i;
                })
                .beforeStage(beforeStage::incrementAndGet)
                .consume("store", i -> {});
        assertThat(p.plan().explain()).contains("1..4 (adaptive)");

        Path file = dir.resolve("resize.jfr");
        RunReport report;
        List<Integer> seen = new ArrayList<>();
        try (Recording recording = new Recording()) {
            recording.enable("dev.minigun.PoolResize");
            recording.start();

            Running run = p.start();
            try {
                assertThat(within(Duration.ofSeconds(20), () -> contexts(run, "work") == 4))
                        .as("the pool grew to its max under the first burst")
                        .isTrue();
                seen.add(4);
                assertThat(within(Duration.ofSeconds(5), () -> alive(run, "work") == 4))
                        .as("its four threads run")
                        .isTrue();
                assertThat(within(Duration.ofSeconds(20), () -> contexts(run, "work") == 1))
                        .as("the pool shrank back to its min once idle")
                        .isTrue();
                seen.add(1);
                assertThat(within(Duration.ofSeconds(5), () -> alive(run, "work") == 1))
                        .as("the threads that left have ended and were given back")
                        .isTrue();
                assertThat(run.stats().stage("work").in()).isEqualTo(BURST);

                secondBurst.countDown();
                assertThat(within(Duration.ofSeconds(20), () -> contexts(run, "work") == 4))
                        .as("the pool grew again under the second burst")
                        .isTrue();
                seen.add(4);
            } finally {
                if (secondBurst.getCount() > 0) { // a failed check above: end the run rather than leave it
                    secondBurst.countDown();
                    run.cancel();
                    run.await(Duration.ofSeconds(30));
                }
            }
            report = run.await();
            recording.stop();
            recording.dump(file);
        }

        assertConserved(report);
        assertThat(report.consumed()).isEqualTo(2L * BURST);
        assertThat(report.stage("work").completed()).isEqualTo(2L * BURST);
        assertThat(seen).containsExactly(4, 1, 4);
        assertThat(busyPeak.get()).as("never more than max at once").isLessThanOrEqualTo(4);
        assertThat(workers.size())
                .as("threads that left were replaced by new ones")
                .isGreaterThan(4);
        assertThat(beforeStage).as("beforeStage ran once, not per grown thread").hasValue(1);
        assertThat(ThreadCensus.minigunThreads()).isEmpty();

        List<RecordedEvent> resizes = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.minigun.PoolResize"))
                .filter(e -> e.getString("pipeline").equals("bursty"))
                .toList();
        assertThat(resizes)
                .extracting(e -> e.getString("stage") + " " + e.getInt("from") + "->" + e.getInt("to"))
                .contains("work 1->2", "work 3->4", "work 4->3", "work 2->1");
        assertThat(resizes).allMatch(e -> Math.abs(e.getInt("to") - e.getInt("from")) == 1);
        assertThat(resizes)
                .filteredOn(e -> e.getInt("to") < e.getInt("from"))
                .allMatch(e -> e.getString("reason").startsWith("idle for 500 ms"));
        assertThat(resizes)
                .filteredOn(e -> e.getInt("to") > e.getInt("from"))
                .allMatch(e -> e.getString("reason").startsWith("queue "));
    }

    @Test
    void growthStaysWithinTheGlobalLimit() {
        Pipeline p = Pipeline.create("capped");
        p.config().maxThreads(4); // source, work's min, sink: one spare thread to grow into
        AtomicInteger busyNow = new AtomicInteger();
        AtomicInteger busyPeak = new AtomicInteger();
        p.producer("source", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 300; i++) {
                        out.emit(i);
                    }
                })
                .map("work", Exec.threads(1, 16).queueSize(8), (Integer i) -> {
                    busyPeak.accumulateAndGet(busyNow.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(2); // simulated blocking work
                    } finally {
                        busyNow.decrementAndGet();
                    }
                    return i;
                })
                .consume("store", i -> {});

        ExecutionOrchestrator run = new ExecutionOrchestrator(p.plan());
        RunReport report = assertConserved(run.run());

        assertThat(report.consumed()).isEqualTo(300);
        assertThat(run.pool(ContextKind.THREAD).peak())
                .as("it grew into the one spare thread, and no further (the queue stays full for ~600 ms)")
                .isEqualTo(4);
        assertThat(busyPeak.get()).isLessThanOrEqualTo(2);
        assertThat(ThreadCensus.minigunThreads()).isEmpty();
    }

    @Test
    void aCancelWhileGrownLeavesNoThreadAndLosesNothing() {
        Pipeline p = Pipeline.create("grown-cancel");
        CountDownLatch grown = new CountDownLatch(1);
        AtomicInteger busyNow = new AtomicInteger();
        p.producer("source", (Emitter<Integer> out) -> {
                    for (int i = 0; ; i++) {
                        out.emit(i);
                    }
                })
                .consume("work", Exec.threads(1, 3).queueSize(4), (Integer i) -> {
                    if (busyNow.incrementAndGet() >= 2) {
                        grown.countDown();
                    }
                    try {
                        Thread.sleep(1); // simulated blocking work
                    } finally {
                        busyNow.decrementAndGet();
                    }
                });

        Running run = p.start();
        try {
            assertThat(grown.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        run.cancel();
        PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class, run::await);

        dev.minigun.testing.NoLoss.assertNothingLost(e.report().orElseThrow());
        assertThat(ThreadCensus.minigunThreads()).isEmpty();
    }
}

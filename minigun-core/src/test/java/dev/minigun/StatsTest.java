package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** What a running pipeline tells about itself: rates, busy fractions, queues, contexts, errors. */
class StatsTest {

    @Test
    void aLiveSnapshotShowsProgressAgainstTheDeclaredSizeAndTheContexts() throws Exception {
        Pipeline p = Pipeline.create("live");
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        p.producer("read", (Emitter<Integer> out) -> {
                    out.expect(200);
                    for (int i = 0; i < 200; i++) {
                        out.emit(i);
                    }
                })
                .map("parse", Exec.threads(2), i -> {
                    if (i == 13) {
                        throw new IllegalArgumentException("bad row 13");
                    }
                    return i;
                })
                .onError(ErrorPolicy.skip())
                .consume("store", Exec.threads(1), i -> {
                    if (stored.incrementAndGet() == 100) { // parse's two threads do not keep the order
                        halfway.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    LockSupport.parkNanos(100_000); // the store's work
                });

        Running running = p.start();
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        RunReport live = running.stats();
        release.countDown();
        RunReport done = assertNothingLost(running.await());

        assertThat(live.stage("read").expected()).hasValue(200);
        assertThat(live.stage("store").in()).isBetween(100L, 199L);
        assertThat(live.errors()).singleElement().asString().contains("stage 'parse' failed on item 13");
        assertThat(running.contexts())
                .extracting(c -> c.stage() + " " + c.kind())
                .containsExactlyInAnyOrder("read THREAD", "parse THREAD", "parse THREAD", "store THREAD");
        assertThat(running.contexts()).noneMatch(ContextInfo::alive);

        StageReport store = done.stage("store");
        assertThat(store.meanRate()).isCloseTo(store.in() / (done.elapsed().toNanos() / 1e9), within(1e-6));
        assertThat(store.busyFraction()).isBetween(0.0, 1.0).isPositive();
        assertThat(done.stage("read").meanRate()).isPositive();
    }

    @Test
    void everyStageOfAFusedChainHasItsOwnCountsAndLatency() {
        Pipeline p = Pipeline.create("fused");
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 1000; i++) {
                        out.emit(i);
                    }
                })
                .map("double", i -> i * 2)
                .filter("quarter", i -> i % 4 == 0)
                .consume("store", i -> {});

        RunReport report = assertNothingLost(p.run());

        assertThat(report.stage("read"))
                .extracting(StageReport::out, StageReport::delivered)
                .containsExactly(1000L, 1000L);
        assertThat(report.stage("double"))
                .extracting(StageReport::in, StageReport::completed, StageReport::out, StageReport::delivered)
                .containsExactly(1000L, 1000L, 1000L, 1000L);
        assertThat(report.stage("quarter"))
                .extracting(
                        StageReport::in,
                        StageReport::filtered,
                        StageReport::completed,
                        StageReport::out,
                        StageReport::delivered)
                .containsExactly(1000L, 500L, 500L, 500L, 500L);
        assertThat(report.stage("store"))
                .extracting(StageReport::in, StageReport::completed)
                .containsExactly(500L, 500L);
        for (String stage : java.util.List.of("double", "quarter", "store")) {
            // The chain's first item is always timed, by every stage it passes.
            assertThat(report.stage(stage).max()).as(stage).isPositive();
            assertThat(report.stage(stage).busy()).as(stage).isPositive();
        }
    }

    @Test
    void aFusedChainCountsEachOutcomeAtTheStageWhereItHappened() {
        Pipeline p = Pipeline.create("outcomes");
        java.util.Set<Integer> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.List<Integer> stored = new java.util.ArrayList<>();
        java.util.Queue<DeadLetter> rejected = new java.util.concurrent.ConcurrentLinkedQueue<>();
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 100; i++) {
                        out.emit(i);
                    }
                })
                .map("parse", i -> {
                    if (i % 10 == 3) {
                        throw new IllegalArgumentException("bad row " + i); // 10 rows, every attempt
                    }
                    if (i % 10 == 5 && failedOnce.add(i)) {
                        throw new IllegalStateException("flaky row " + i); // 10 rows, the first attempt
                    }
                    return i;
                })
                .onError(ErrorPolicy.retry(2, java.time.Duration.ZERO).orElse(ErrorPolicy.skip()))
                .filter("even", i -> i % 2 == 0)
                .consume("store", i -> {
                    if (i % 10 == 8) {
                        throw new IllegalStateException("no room for " + i);
                    }
                    stored.add(i);
                })
                .onError(ErrorPolicy.deadLetter("rejects"));
        p.consumer("rejects", rejected::add);

        RunReport report = assertNothingLost(p.run());

        assertThat(report.stage("parse"))
                .extracting(
                        StageReport::in,
                        StageReport::completed,
                        StageReport::failed,
                        StageReport::retried,
                        StageReport::out)
                .containsExactly(100L, 90L, 10L, 20L, 90L);
        assertThat(report.stage("even"))
                .extracting(StageReport::in, StageReport::filtered, StageReport::completed, StageReport::out)
                .containsExactly(90L, 40L, 50L, 50L);
        assertThat(report.stage("store"))
                .extracting(StageReport::in, StageReport::completed, StageReport::deadLettered)
                .containsExactly(50L, 40L, 10L);
        assertThat(report.stage("store").completed()).isEqualTo(stored.size());
        assertThat(report.stage("rejects").in()).isEqualTo(rejected.size()).isEqualTo(10);
    }

    @Test
    void aCancelInsideAFusedChainCountsTheItemCancelledWhereItStoodAndHandedOnBeforeIt() throws Exception {
        Pipeline p = Pipeline.create("halt");
        CountDownLatch inStore = new CountDownLatch(1);
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 100; i++) {
                        out.emit(i);
                    }
                })
                .map("parse", i -> i)
                .consume("store", i -> {
                    if (i == 5) {
                        inStore.countDown();
                        Thread.sleep(60_000); // a call that hangs until the run is cancelled
                    }
                });

        Running running = p.start();
        assertThat(inStore.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class, running::await);

        RunReport report = assertNothingLost(e.report().orElseThrow());
        assertThat(report.stage("read").out()).isEqualTo(6);
        assertThat(report.stage("parse"))
                .as("parse did its part and handed item 5 on")
                .extracting(StageReport::in, StageReport::completed, StageReport::cancelled, StageReport::out)
                .containsExactly(6L, 6L, 0L, 6L);
        assertThat(report.stage("store"))
                .extracting(StageReport::in, StageReport::completed, StageReport::cancelled)
                .containsExactly(6L, 5L, 1L);
    }

    @Test
    void currentRatesComeFromSuccessiveSnapshots() throws Exception {
        Pipeline p = Pipeline.create("rates");
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch firstSnapshot = new CountDownLatch(1);
        p.producer("read", (Emitter<Integer> out) -> {
                    go.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < 1_000; i++) {
                        out.emit(i);
                    }
                    firstSnapshot.await(30, TimeUnit.SECONDS);
                })
                .consume("store", Exec.threads(1), i -> {});

        Running running = p.start();
        running.stats(); // the baseline: nothing has moved yet
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        RunReport later = running.stats();
        while (later.stage("store").in() < 1_000 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(60_000_000);
            later = running.stats();
        }
        firstSnapshot.countDown();
        assertNothingLost(running.await());

        assertThat(later.stage("store").in()).isEqualTo(1_000);
        assertThat(later.stage("store").currentRate()).isPositive();
    }
}

package dev.minigun;

import static dev.minigun.testing.NoLoss.assertConserved;
import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EndOfStreamTest {

    static Source<Integer> range(int from, int to) {
        return out -> {
            for (int i = from; i < to; i++) {
                out.emit(i);
            }
        };
    }

    @Test
    void fanInEndsOnlyAfterEveryUpstreamHasEnded() {
        Pipeline p = Pipeline.create("fan-in");
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        Stage<Integer> small = p.producer("small", range(0, 10));
        Stage<Integer> large = p.producer("large", range(10, 20_010));
        p.merge("all", small, large).consume("sink", got::add);

        assertConserved(p.run());

        assertThat(got).hasSize(20_010).doesNotHaveDuplicates();
    }

    @Test
    void aDiamondDeliversBothPathsExactlyOnce() {
        Pipeline p = Pipeline.create("diamond");
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        Stage<Integer> source = p.producer("source", range(0, 5_000));
        Stage<String> left = source.map("left", Exec.threads(2), i -> "L" + i);
        Stage<String> right = source.map("right", Exec.threads(2), i -> "R" + i);
        p.merge("join", left, right).consume("sink", got::add);

        RunReport report = assertNothingLost(p.run());

        assertThat(got).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(report.stage("join").in()).isEqualTo(10_000);
    }

    @Test
    void aStageFedOnlyByEmitToEndsOnceNoStageCanSendToIt() {
        Pipeline p = Pipeline.create("dynamic");
        ConcurrentLinkedQueue<Integer> evens = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> odds = new ConcurrentLinkedQueue<>();
        p.producer("source", range(0, 1_000))
                .process(
                        "route",
                        Exec.threads(2),
                        (Integer i, Emitter<Integer> out) -> out.emitTo(i % 2 == 0 ? "evens" : "odds", i));
        p.consumer("evens", evens::add);
        p.consumer("odds", Exec.virtualThreads(4), odds::add);

        RunReport report = assertNothingLost(p.run());

        assertThat(evens).hasSize(500).allMatch(i -> i % 2 == 0);
        assertThat(odds).hasSize(500).allMatch(i -> i % 2 == 1);
        assertThat(report.stage("route").delivered()).isEqualTo(1_000);
    }

    @Test
    void anEmitToCycleEndsWhenNothingIsInFlight() {
        Pipeline p = Pipeline.create("cycle");
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        p.producer("source", range(0, 100))
                .process("start", (Integer i, Emitter<Integer> out) -> out.emitTo("countdown", 5));
        p.processor("countdown", Exec.threads(2), (Integer n, Emitter<Integer> out) -> {
            if (n > 0) {
                out.emitTo("countdown", n - 1);
            } else {
                out.emitTo("done", n);
            }
        });
        p.consumer("done", done::add);

        RunReport report = assertNothingLost(p.run());

        assertThat(done).hasSize(100);
        assertThat(report.stage("countdown").in()).isEqualTo(600);
    }

    @Test
    void aStageThatFeedsItselfNeverWaitsForItsOwnFullQueue() {
        Pipeline p = Pipeline.create("tree");
        p.producer("source", (Emitter<Integer> out) -> out.emitTo("tree", 10));
        p.processor("tree", Exec.threads(1).queueSize(1), (Integer depth, Emitter<Integer> out) -> {
            if (depth > 0) {
                out.emitTo("tree", depth - 1);
                out.emitTo("tree", depth - 1);
            }
        });

        RunReport report = assertNothingLost(p.start().await());

        assertThat(report.stage("tree").in()).isEqualTo(2047); // a full binary tree of depth 10
        assertThat(report.stage("tree").peakQueued()).isGreaterThan(1);
    }

    @Test
    void batchesFlushTheFinalPartialBatchAndNeverAnEmptyOne() {
        for (int items : new int[] {0, 1, 95, 100}) {
            Pipeline p = Pipeline.create("batches-" + items);
            List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
            p.producer("source", range(0, items)).batch("rows", 10).consume("store", batches::add);

            assertNothingLost(p.run());

            List<Integer> sizes = batches.stream().map(List::size).toList();
            List<Integer> expected = new ArrayList<>(Collections.nCopies(items / 10, 10));
            if (items % 10 != 0) {
                expected.add(items % 10);
            }
            assertThat(sizes).as("%d items", items).isEqualTo(expected);
            assertThat(batches.stream().flatMap(List::stream))
                    .containsExactlyElementsOf(IntStream.range(0, items).boxed().toList());
        }
    }

    @Test
    void batchesOfBatchesFlushInTurnAtTheEnd() {
        Pipeline p = Pipeline.create("nested-batches");
        List<List<List<Integer>>> got = Collections.synchronizedList(new ArrayList<>());
        p.producer("source", range(0, 25)).batch("rows", 10).batch("pages", 2).consume("store", got::add);

        assertNothingLost(p.run());

        assertThat(got).hasSize(2);
        assertThat(got.get(0)).hasSize(2);
        assertThat(got.get(1))
                .hasSize(1)
                .first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(5);
    }

    @Test
    void aTimedBatchFlushesAPartialBatchWhileTheProducerIsSlow() {
        Pipeline p = Pipeline.create("timed");
        CountDownLatch firstBatchStored = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        p.producer("slow", (Emitter<Integer> out) -> {
                    out.emit(1);
                    out.emit(2);
                    out.emit(3);
                    // The producer stalls: only the batch's maxWait can get these three out (in one
                    // list, or more if this thread was paused for longer than the wait).
                    if (!firstBatchStored.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the partial batch never arrived");
                    }
                    out.emit(4);
                })
                .batch("rows", 100, Duration.ofMillis(20))
                .consume("store", rows -> {
                    batches.add(rows);
                    if (rows.contains(3)) {
                        firstBatchStored.countDown();
                    }
                });

        assertNothingLost(p.run());

        assertThat(batches.stream().flatMap(List::stream)).containsExactly(1, 2, 3, 4);
        assertThat(batches.getLast())
                .as("the item sent after the partial list had left")
                .containsExactly(4);
    }

    @Test
    void aListStartedAfterAFullOneStillLeavesAfterItsOwnWait() {
        Pipeline p = Pipeline.create("timed-again");
        CountDownLatch partialStored = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        p.producer("bursty", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 13; i++) {
                        out.emit(i); // a full list of 10 (unless paused), then 3 that start the next
                    }
                    // The stage's one timer was set for the first list; it must now serve the second.
                    if (!partialStored.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the partial batch never arrived");
                    }
                    out.emit(13);
                })
                .batch("rows", 10, Duration.ofMillis(20))
                .consume("store", rows -> {
                    batches.add(rows);
                    if (rows.contains(12)) {
                        partialStored.countDown();
                    }
                });

        assertNothingLost(p.run());

        // 10, 11 and 12 can only have left by the timer (the producer waits for 12 before 13): in
        // one list of three, or in smaller ones if this thread was paused for longer than the wait.
        assertThat(batches.stream().flatMap(List::stream))
                .containsExactlyElementsOf(IntStream.range(0, 14).boxed().toList());
        assertThat(batches).allSatisfy(rows -> assertThat(rows).hasSizeLessThanOrEqualTo(10));
        assertThat(batches.getLast())
                .as("the item sent after the timed list had left")
                .containsExactly(13);
    }
}

package dev.minigun.execution;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.ContextKind;
import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.PipelineDefinitionException;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GlobalLimitsTest {
    static final int ITEMS = 3_000;

    /** Counts the threads inside stage code right now, and the most there ever were. */
    static final class Gauge {
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        void enter() {
            threads.add(Thread.currentThread());
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
        }

        void exit() {
            active.decrementAndGet();
        }
    }

    @Test
    void threeStagesOfEightThreadsShareSixteen() throws Exception {
        Pipeline p = Pipeline.create("limits");
        p.config().maxThreads(16);
        Gauge gauge = new Gauge();
        // Every worker holds its first item until 15 workers hold one: proof that the shared pool
        // really runs 15 at once, next to the producer's thread.
        CountDownLatch allWorkersBusy = new CountDownLatch(15);
        Map<Thread, Boolean> firstItem = new ConcurrentHashMap<>();
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> {
            gauge.enter();
            try {
                for (int i = 0; i < ITEMS; i++) {
                    out.emit(i);
                }
            } finally {
                gauge.exit();
            }
        });
        for (String branch : new String[] {"a", "b", "c"}) {
            source.process(branch, Exec.threads(8), (Integer i, Emitter<Integer> out) -> {
                        gauge.enter();
                        try {
                            if (firstItem.putIfAbsent(Thread.currentThread(), true) == null) {
                                allWorkersBusy.countDown();
                                assertThat(allWorkersBusy.await(30, TimeUnit.SECONDS))
                                        .isTrue();
                            }
                            out.emit(i);
                        } finally {
                            gauge.exit();
                        }
                    })
                    .consume(branch + "-sink", Exec.inline(), i -> {});
        }

        ExecutionPlan plan = p.plan();
        ExecutionOrchestrator run = new ExecutionOrchestrator(plan);
        RunReport report = assertNothingLost(run.run());

        assertThat(plan.placement("a").contexts()).isEqualTo(5);
        assertThat(plan.placement("b").contexts()).isEqualTo(5);
        assertThat(plan.placement("c").contexts()).isEqualTo(5);
        assertThat(gauge.peak.get())
                .as("stage threads at once")
                .isLessThanOrEqualTo(16)
                .isGreaterThanOrEqualTo(15);
        assertThat(gauge.threads).as("distinct stage threads").hasSize(16);
        assertThat(run.pool(ContextKind.THREAD).peak()).isEqualTo(16);
        assertThat(report.consumed()).isEqualTo(3L * ITEMS);
    }

    @Test
    void explainSaysTheLimitIsShared() {
        Pipeline p = Pipeline.create("limits");
        p.config().maxThreads(16);
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> {});
        source.consume("a", Exec.threads(8), i -> {});
        source.consume("b", Exec.threads(8), i -> {});
        source.consume("c", Exec.threads(8), i -> {});

        String explain = p.plan().explain();

        assertThat(explain)
                .contains("5 of 8 (shared maxThreads)")
                .contains("maxThreads 16: 4 stages ask for 25, more than the limit: shared as {source=1, a=5, b=5, c=5}"
                        + " (16 in use at most, never more than 16)");
    }

    @Test
    void hugeRequestsNeverAddUpPastTheLimit() {
        Pipeline p = Pipeline.create("huge");
        p.config().maxVirtualThreads(100);
        p.producer("source", (Emitter<Integer> out) -> out.emit(1))
                .map("a", Exec.virtualThreads(Integer.MAX_VALUE), i -> i)
                .consume("b", Exec.virtualThreads(Integer.MAX_VALUE - 1), i -> {});

        PoolShare share = p.plan().shares().stream()
                .filter(s -> s.kind() == ContextKind.VIRTUAL)
                .findFirst()
                .orElseThrow();

        assertThat(share.demand()).isEqualTo(2L * Integer.MAX_VALUE - 1);
        assertThat(share.total()).isEqualTo(100);
        assertThat(share.granted()).containsEntry("a", 50).containsEntry("b", 50);
    }

    @Test
    void limitsThatCannotGiveEveryStageAContextFailBeforeAnyItemMoves() {
        Pipeline p = Pipeline.create("tight");
        p.config().maxThreads(2);
        AtomicInteger produced = new AtomicInteger();
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> produced.incrementAndGet());
        source.consume("a", Exec.threads(1), i -> {});
        source.consume("b", Exec.threads(1), i -> {});

        assertThatThrownBy(p::run)
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessage("maxThreads(2) of pipeline 'tight' cannot give each of the 3 stages that need a thread"
                        + " context at least one [source, a, b]: raise maxThreads to at least 3, or let some of them"
                        + " run colocated or on another kind");
        assertThat(produced).hasValue(0);
    }
}

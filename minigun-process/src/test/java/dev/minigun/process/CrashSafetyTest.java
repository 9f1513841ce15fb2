package dev.minigun.process;

import static dev.minigun.testing.NoLoss.assertConserved;
import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kill -9 of workers in the middle of a run: nothing lost, nothing duplicated, and a limit to restarts. */
class CrashSafetyTest {
    private static final int ITEMS = 100_000;

    @AfterEach
    void nothingLeft() {
        Workers.assertNoneLeft();
    }

    @Test
    void killingWorkersAtRandomPointsLosesAndDuplicatesNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int totalKills = 0;
        for (int run = 0; run < 3; run++) {
            AtomicIntegerArray seen = new AtomicIntegerArray(ITEMS);
            LongAdder consumed = new LongAdder();
            Pipeline p = Pipeline.create("crash-" + run);
            p.<Integer>producer("numbers", out -> IntStream.range(0, ITEMS).forEach(out::emit))
                    .map("double", Exec.processes(2), (Integer i) -> (long) i * 2)
                    .consume("sink", (Long v) -> {
                        seen.incrementAndGet((int) (v / 2));
                        consumed.increment();
                    });
            // Three kills per run, at random points between 5% and 90% of the items.
            List<Integer> points = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                points.add(ITEMS / 20 + random.nextInt(ITEMS * 85 / 100));
            }
            points.sort(null);
            Running running = p.start();
            int kills = 0;
            for (int point : points) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (consumed.sum() < point && !running.isDone() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(200_000);
                }
                // Kill points can be close: the workers killed last may still be restarting.
                List<Long> pids = Workers.pids();
                while (pids.isEmpty() && !running.isDone() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(200_000);
                    pids = Workers.pids();
                }
                if (running.isDone() || pids.isEmpty()) {
                    break;
                }
                long victim = pids.get(random.nextInt(pids.size()));
                ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
                kills++;
            }
            RunReport report = assertConserved(running.await());
            totalKills += kills;

            assertThat(kills).as("seed %d: kills in run %d", seed, run).isEqualTo(3);
            assertThat(report.consumed()).isEqualTo(ITEMS);
            for (int i = 0; i < ITEMS; i++) {
                if (seen.get(i) != 1) {
                    throw new AssertionError(
                            "seed " + seed + ", run " + run + ": item " + i + " seen " + seen.get(i) + " times");
                }
            }
            Workers.assertNoneLeft();
        }
        System.out.println("CrashSafetyTest: " + totalKills + " kill -9 over 3 runs of " + ITEMS
                + " items: exact multiset each time (seed " + seed + ")");
    }

    @Test
    void pastTheRestartLimitTheRunFailsNamingStageAndPid() {
        Pipeline p = Pipeline.create("doomed");
        p.config().workerRestarts(1, java.time.Duration.ofMillis(10));
        p.<Integer>producer("numbers", out -> IntStream.range(0, 1000).forEach(out::emit))
                .map("suicide", Exec.processes(1), (Integer i) -> {
                    if (i == 500) {
                        Runtime.getRuntime().halt(9); // dies on this item every time it is sent
                    }
                    return i;
                })
                .consume("sink", x -> {});

        Throwable e = catchThrowable(p::run);

        assertThat(e).isInstanceOf(PipelineException.class);
        assertThat(e.getMessage()).contains("stage 'suicide' failed on item ");
        assertThat(e.getCause())
                .isInstanceOf(WorkerException.class)
                .hasMessageMatching(
                        "(?s)stage 'suicide': worker pid \\d+ died \\(exit code 9\\); its context doomed/suicide#0 "
                                + "has restarted a worker 1 times, the limit of config\\(\\).workerRestarts: giving up");
        assertNothingLost(((PipelineException) e).report().orElseThrow());
    }
}

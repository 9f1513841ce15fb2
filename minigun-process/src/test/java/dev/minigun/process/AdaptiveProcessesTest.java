package dev.minigun.process;

import static dev.minigun.testing.Eventually.within;
import static dev.minigun.testing.NoLoss.assertConserved;
import static dev.minigun.testing.ThreadCensus.minigunThreads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.ContextKind;
import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Running;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An adaptive pool of worker processes grows under a burst and shrinks back when idle. */
class AdaptiveProcessesTest {

    /** A job for a worker: its work takes a few milliseconds. */
    record Job(int id) implements Serializable {}

    @AfterEach
    void nothingLeft() {
        Workers.assertNoneLeft();
    }

    static long aliveWorkers(Running run) {
        return run.contexts().stream()
                .filter(c -> c.kind() == ContextKind.PROCESS && c.alive())
                .count();
    }

    @Test
    void aBurstGrowsThePoolOfWorkerProcessesAndIdlenessShrinksItBack() throws Exception {
        Pipeline p = Pipeline.create("elastic-workers");
        p.config().maxProcesses(3);
        CountDownLatch shrunk = new CountDownLatch(1);
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        p.producer("jobs", (Emitter<Job> out) -> {
                    for (int i = 0; i < 400; i++) {
                        out.emit(new Job(i));
                    }
                    // Hold the run open, quiet, until the pool has shrunk back.
                    if (!shrunk.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the pool never shrank back");
                    }
                })
                .map("work", Exec.processes(1, 3).queueSize(16), (Job j) -> {
                    Thread.sleep(5); // the work itself
                    return j.id();
                })
                .consume("done", done::add);

        Running run = p.start();
        boolean grew = within(Duration.ofSeconds(60), () -> aliveWorkers(run) == 3);
        boolean drained =
                within(Duration.ofSeconds(60), () -> run.stats().stage("done").in() == 400);
        boolean shrank = within(Duration.ofSeconds(60), () -> aliveWorkers(run) == 1);
        shrunk.countDown();
        RunReport report = assertConserved(run.await());

        assertThat(grew).as("grew to 3 worker processes under the burst").isTrue();
        assertThat(drained).isTrue();
        assertThat(shrank).as("back to 1 worker process when idle").isTrue();
        assertThat(done).hasSize(400);
        assertThat(report.consumed()).isEqualTo(400);
        assertThat(minigunThreads()).isEmpty();
    }
}

package dev.minigun.process;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.PipelineException;
import dev.minigun.Running;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker starts and stops are flight-recorder events that a recording of a run reads back, with why each stopped. */
class WorkerFlightRecorderTest {
    record Tagged(int value, long pid) implements Serializable {}

    static final String START = "dev.minigun.WorkerStart";
    static final String STOP = "dev.minigun.WorkerStop";

    @AfterEach
    void nothingLeft() {
        Workers.assertNoneLeft();
    }

    /** Runs {@code run} under a recording of the worker events and returns those of {@code pipeline}. */
    private static List<RecordedEvent> recorded(Path dir, String pipeline, Runnable run) throws IOException {
        Path file = dir.resolve(pipeline + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(START);
            recording.enable(STOP);
            recording.start();
            run.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getCategoryNames().contains("Minigun"))
                .filter(e -> pipeline.equals(e.getString("pipeline")))
                .toList();
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }

    private static Set<Long> pids(List<RecordedEvent> events) {
        return events.stream().map(e -> e.getLong("pid")).collect(Collectors.toSet());
    }

    @Test
    void aRunRecordsOneStartAndOneStopPerWorker(@TempDir Path dir) throws IOException {
        Set<Long> workerPids = ConcurrentHashMap.newKeySet();
        List<RecordedEvent> events = recorded(dir, "jfr-hop", () -> {
            Pipeline p = Pipeline.create("jfr-hop");
            p.<Integer>producer("numbers", out -> IntStream.range(0, 200).forEach(out::emit))
                    .map(
                            "tag",
                            Exec.processes(2),
                            (Integer i) -> new Tagged(i, ProcessHandle.current().pid()))
                    .consume("sink", t -> workerPids.add(t.pid()));
            assertConserved(p.run());
        });

        List<RecordedEvent> starts = named(events, START);
        List<RecordedEvent> stops = named(events, STOP);
        assertThat(starts).hasSize(2).allSatisfy(e -> {
            assertThat(e.getString("stage")).isEqualTo("tag");
            assertThat(e.getBoolean("ready")).isTrue();
            assertThat(e.getDuration()).isPositive();
        });
        assertThat(starts)
                .extracting(e -> e.getString("context"))
                .containsExactlyInAnyOrder("jfr-hop/tag#0", "jfr-hop/tag#1");
        assertThat(pids(starts))
                .hasSize(2)
                .doesNotContain(ProcessHandle.current().pid());
        assertThat(workerPids).isSubsetOf(pids(starts));
        assertThat(stops).hasSize(2).allSatisfy(e -> {
            assertThat(e.getString("reason")).isEqualTo("end");
            assertThat(e.getInt("exitCode")).isZero();
        });
        assertThat(pids(stops)).isEqualTo(pids(starts));
        assertThat(stops.stream().mapToLong(e -> e.getLong("items")).sum()).isEqualTo(200);
    }

    @Test
    void recycleAfterRecordsOneStopPerRecycledWorker(@TempDir Path dir) throws IOException {
        List<RecordedEvent> events = recorded(dir, "jfr-recycle", () -> {
            Pipeline p = Pipeline.create("jfr-recycle");
            p.<Integer>producer("numbers", out -> IntStream.range(0, 25).forEach(out::emit))
                    .map("fresh", Exec.processes(1).recycleAfter(10), (Integer i) -> i)
                    .consume("sink", x -> {});
            assertConserved(p.run());
        });

        List<RecordedEvent> starts = named(events, START);
        List<RecordedEvent> stops = named(events, STOP);
        assertThat(starts)
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getBoolean("ready")).isTrue());
        assertThat(pids(starts)).hasSize(3);
        assertThat(stops)
                .extracting(e -> e.getString("reason") + " " + e.getLong("items") + " exit " + e.getInt("exitCode"))
                .containsExactly("recycled 10 exit 0", "recycled 10 exit 0", "end 5 exit 0");
        assertThat(pids(stops)).isEqualTo(pids(starts));
    }

    @Test
    void aWorkerWaitingForItemsWhenTheRunIsCancelledStopsAsCancelled(@TempDir Path dir) throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        List<RecordedEvent> events = recorded(dir, "jfr-idle-cancel", () -> {
            Pipeline p = Pipeline.create("jfr-idle-cancel");
            p.<Integer>producer("numbers", out -> {
                        out.emit(1);
                        new CountDownLatch(1).await(); // then nothing more until the cancel
                    })
                    .map("idle", Exec.processes(1), (Integer i) -> i)
                    .consume("sink", x -> first.countDown());
            Running running = p.start();
            try {
                assertThat(first.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.cancel(); // its worker has done the one item and waits for the next
            }
            assertThatThrownBy(running::await).isInstanceOf(PipelineException.class);
        });

        assertThat(named(events, STOP))
                .singleElement()
                .satisfies(e -> assertThat(e.getString("reason")).isEqualTo("cancelled"));
    }

    @Test
    void aCrashedWorkerAndACancelledRunSayWhyTheyStopped(@TempDir Path dir) throws Exception {
        String marker = dir.resolve("crashed-once").toString();
        List<RecordedEvent> crash = recorded(dir, "jfr-crash", () -> {
            Pipeline p = Pipeline.create("jfr-crash");
            p.<Integer>producer("numbers", out -> IntStream.range(0, 100).forEach(out::emit))
                    .map("fragile", Exec.processes(1), (Integer i) -> {
                        if (i == 7 && !Files.exists(Path.of(marker))) {
                            Files.createFile(Path.of(marker));
                            Runtime.getRuntime().halt(3); // dies once; its batch goes to the restarted worker
                        }
                        return i;
                    })
                    .consume("sink", x -> {});
            assertConserved(p.run());
        });
        assertThat(named(crash, START)).hasSize(2);
        assertThat(named(crash, STOP))
                .extracting(e -> e.getString("reason") + " exit " + e.getInt("exitCode"))
                .containsExactly("crashed exit 3", "end exit 0");

        CountDownLatch some = new CountDownLatch(20);
        List<RecordedEvent> cancel = recorded(dir, "jfr-cancel", () -> {
            Pipeline p = Pipeline.create("jfr-cancel");
            p.<Integer>producer("numbers", out -> IntStream.range(0, 100_000).forEach(out::emit))
                    .map("slow", Exec.processes(1), (Integer i) -> {
                        Thread.sleep(2); // work that takes a while, so the cancel finds a batch in flight
                        return i;
                    })
                    .consume("sink", x -> some.countDown());
            Running running = p.start();
            try {
                assertThat(some.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.cancel(); // also when the wait failed: no worker keeps running after the test
            }
            assertThatThrownBy(running::await).isInstanceOf(PipelineException.class);
        });
        assertThat(named(cancel, START)).hasSize(1);
        assertThat(named(cancel, STOP)).singleElement().satisfies(e -> {
            assertThat(e.getString("reason")).isEqualTo("cancelled");
            // 143 after SIGTERM, 137 after SIGKILL (its stop took over 2 s), or 0 if it saw its stdin
            // close (the interrupted context's orderly stop) and began its own exit before the SIGTERM
            assertThat(e.getInt("exitCode")).isIn(0, 143, 137);
        });
    }
}

package dev.minigun.process;

import static dev.minigun.testing.NoLoss.assertConserved;
import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.DeadLetter;
import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.PipelineDefinitionException;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.Stage;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStageTest {
    record Tagged(int value, long pid) implements Serializable {}

    /** Static state lives in each JVM: in a worker, the items it has already failed once. */
    static final Set<Integer> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    static final long PARENT = ProcessHandle.current().pid();

    @AfterEach
    void nothingLeft() {
        Workers.assertNoneLeft();
    }

    @Test
    void itemsRoundTripThroughWorkerJvms() {
        ConcurrentLinkedQueue<Tagged> seen = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("hop");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 1000).forEach(out::emit))
                .map(
                        "tag",
                        Exec.processes(2),
                        (Integer i) -> new Tagged(i * 2, ProcessHandle.current().pid()))
                .consume("collect", seen::add);

        RunReport report = assertConserved(p.run());

        assertThat(report.consumed()).isEqualTo(1000);
        assertThat(seen.stream().map(Tagged::value).collect(Collectors.toSet()))
                .isEqualTo(IntStream.range(0, 1000).map(i -> i * 2).boxed().collect(Collectors.toSet()));
        assertThat(seen).allSatisfy(t -> assertThat(t.pid()).isNotEqualTo(PARENT));
    }

    @Test
    void processFilterAndConsumeRunInTheWorkerAndEmitToWorks() {
        ConcurrentLinkedQueue<Object> odd = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Object> even = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("kinds");
        p.config().maxProcesses(3);
        p.<Integer>producer("numbers", out -> IntStream.range(0, 100).forEach(out::emit))
                .filter("small", Exec.processes(1), (Integer i) -> i < 50)
                .process("split", Exec.processes(1), (Integer i, dev.minigun.Emitter<Integer> out) -> {
                    out.emitTo(i % 2 == 0 ? "even" : "odd", i);
                })
                .consume("none", x -> {});
        long parent = PARENT; // captured: in the worker, PARENT would be initialized to the worker's own pid
        p.consumer("odd", Exec.processes(1), (Integer i) -> {
            if (ProcessHandle.current().pid() == parent) {
                throw new IllegalStateException("not in a worker");
            }
        });
        p.consumer("even", (Integer i) -> even.add(i));

        RunReport report = assertNothingLost(p.run());

        assertThat(report.stage("small").filtered()).isEqualTo(50);
        assertThat(report.stage("odd").completed()).isEqualTo(25);
        assertThat(even).hasSize(25);
        assertThat(odd).isEmpty();
    }

    @Test
    void aStageWhoseCodeCannotBeSerializedFailsBeforeAnyItemMoves() {
        Object notSerializable = new Object() {
            @Override
            public String toString() {
                return "x";
            }
        };
        Pipeline p = Pipeline.create("bad");
        p.<Integer>producer("numbers", out -> out.emit(1))
                .map("capture", Exec.processes(1), (Integer i) -> i + notSerializable.toString())
                .consume("sink", x -> {});

        assertThatThrownBy(p::run)
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("stage 'capture'")
                .hasMessageContaining(notSerializable.getClass().getName())
                .hasMessageContaining("not Serializable");
        assertThat(Workers.pids()).isEmpty();
    }

    @Test
    void failFastCarriesTheRemoteStackTraceAndWorkerPid() {
        Pipeline p = Pipeline.create("fails");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 200).forEach(out::emit))
                .map("boom", Exec.processes(2), (Integer i) -> {
                    if (i == 113) {
                        throw new IllegalStateException("bad item " + i);
                    }
                    return i;
                })
                .consume("sink", x -> {});

        PipelineException e = (PipelineException) org.assertj.core.api.Assertions.catchThrowable(p::run);

        assertThat(e.stage()).hasValue("boom");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(e.getCause().getMessage()).matches("bad item 113 \\[worker pid \\d+ of stage 'boom'\\]");
        assertThat(e.getCause().getMessage()).doesNotContain("pid " + PARENT + " ");
        assertThat(e.getMessage()).contains("stage 'boom' failed on item 113").contains("worker pid");
        // The trace is the worker's: the lambda ran under WorkerMain, not under the parent's threads.
        assertThat(List.of(e.getCause().getStackTrace()))
                .anySatisfy(f -> assertThat(f.getClassName()).isEqualTo(WorkerMain.class.getName()));
        assertNothingLost(e.report().orElseThrow());
    }

    @Test
    void skipCountsFailedItemsOfABatchAndGoesOn() {
        Pipeline p = Pipeline.create("skips");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 500).forEach(out::emit))
                .map("some-fail", Exec.processes(2), (Integer i) -> {
                    if (i % 10 == 3) {
                        throw new IllegalArgumentException("no " + i);
                    }
                    return i;
                })
                .onError(ErrorPolicy.skip())
                .consume("sink", x -> {});

        RunReport report = assertConserved(p.run());

        assertThat(report.stage("some-fail").failed()).isEqualTo(50);
        assertThat(report.consumed()).isEqualTo(450);
        assertThat(report.stage("some-fail").lastError())
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith("java.lang.IllegalArgumentException: no ")
                        .contains("[worker pid "));
    }

    @Test
    void retryFallsBackToSingleItemCallsInTheSameWorker() {
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("retries");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 300).forEach(out::emit))
                .map("flaky", Exec.processes(1), (Integer i) -> {
                    if (i % 7 == 0 && FAILED_ONCE.add(i)) {
                        throw new UncheckedIOException(new IOException("timeout on " + i));
                    }
                    return i;
                })
                .onError(ErrorPolicy.retry(3, Duration.ofMillis(1)).on(UncheckedIOException.class))
                .consume("sink", seen::add);

        RunReport report = assertConserved(p.run());

        assertThat(report.stage("flaky").retried()).isEqualTo(43);
        assertThat(report.stage("flaky").failed()).isZero();
        assertThat(seen).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void deadLettersCarryTheRemoteErrorAndUnsendableItemsFailAlone(@TempDir Path dir) {
        String marker = dir.resolve("evil-ran").toString();
        ConcurrentLinkedQueue<DeadLetter> letters = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("letters");
        p.producer("mixed", out -> {
                    out.emit("ok-1");
                    out.emit(new dev.minigun.process.crafted.Evil(marker)); // outside the allow-list
                    out.emit(new Thread("not serializable"));
                    out.emit("fail");
                    out.emit("ok-2");
                })
                .map("upper", Exec.processes(1), (Object o) -> {
                    if (o.equals("fail")) {
                        throw new IllegalStateException("refuse " + o);
                    }
                    return o.toString().toUpperCase(java.util.Locale.ROOT);
                })
                .onError(ErrorPolicy.deadLetter("review"))
                .consume("sink", x -> {});
        p.consumer("review", letters::add);

        RunReport report = assertNothingLost(p.run());

        assertThat(report.stage("upper").completed()).isEqualTo(2);
        assertThat(report.stage("upper").deadLettered()).isEqualTo(3);
        Map<String, String> errors = letters.stream()
                .collect(Collectors.toMap(
                        d -> d.item().getClass().getSimpleName(), d -> d.error().toString()));
        assertThat(errors.get("Evil"))
                .contains("refused class dev.minigun.process.crafted.Evil")
                .contains("not in the stage's allow-list")
                .contains("worker pid");
        assertThat(errors.get("Thread"))
                .contains("stage 'upper'")
                .contains("java.lang.Thread cannot be sent to a worker process");
        assertThat(errors.get("String")).contains("refuse fail [worker pid");
        assertThat(Path.of(marker)).doesNotExist();
    }

    @Test
    void cancelInTheMiddleOfABatchStopsTheWorkers() throws Exception {
        java.util.concurrent.CountDownLatch some = new java.util.concurrent.CountDownLatch(20);
        Pipeline p = Pipeline.create("cancel");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 100_000).forEach(out::emit))
                .map("slow", Exec.processes(2), (Integer i) -> {
                    Thread.sleep(2); // the work: 100,000 items keep batches in flight until the cancel
                    return i;
                })
                .consume("sink", x -> some.countDown());
        Running running = p.start();
        assertThat(some.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<Long> workers = Workers.pids();
        running.cancel();

        assertThatThrownBy(running::await).isInstanceOf(PipelineException.class).hasMessageContaining("was cancelled");
        RunReport report = running.stats();
        assertNothingLost(report);
        assertThat(report.stage("slow").cancelled()).isPositive();
        assertThat(workers).isNotEmpty();
        assertThat(Workers.awaitGone(workers, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void workerHooksRunOncePerWorkerStartAndStopAndRecycleAfterReplacesWorkers(@TempDir Path dir) throws IOException {
        String log = dir.resolve("hooks.log").toString();
        ConcurrentLinkedQueue<Tagged> seen = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("hooks");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 20).forEach(out::emit))
                .map(
                        "recycled",
                        Exec.processes(1)
                                .recycleAfter(5)
                                .onWorkerStart(() -> append(
                                        log, "start " + ProcessHandle.current().pid()))
                                .onWorkerStop(() -> append(
                                        log, "stop " + ProcessHandle.current().pid())),
                        (Integer i) -> new Tagged(i, ProcessHandle.current().pid()))
                .consume("sink", seen::add);

        assertConserved(p.run());

        Map<Long, Long> itemsPerWorker =
                seen.stream().collect(Collectors.groupingBy(Tagged::pid, Collectors.counting()));
        assertThat(itemsPerWorker)
                .hasSize(4)
                .allSatisfy((pid, n) -> assertThat(n).isEqualTo(5));
        List<String> lines = Files.readAllLines(Path.of(log));
        for (long pid : itemsPerWorker.keySet()) {
            assertThat(lines).containsOnlyOnce("start " + pid, "stop " + pid);
        }
        assertThat(lines).hasSize(8);
    }

    private static void append(String file, String line) throws IOException {
        Files.writeString(
                Path.of(file),
                line + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    @Test
    void workersOpenNoListeningSocket() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        Pipeline p = Pipeline.create("sockets");
        Stage<Integer> numbers = p.<Integer>producer("numbers", out -> {
            out.emit(1);
            checked.await();
        });
        numbers.map("echo", Exec.processes(1), (Integer i) -> i).consume("sink", x -> started.countDown());
        Running running = p.start();
        try {
            assertThat(started.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            List<Long> pids = Workers.pids();
            assertThat(pids).hasSize(1);
            long pid = pids.getFirst();
            Set<String> socketInodes = new java.util.HashSet<>();
            List<String> fds = new java.util.ArrayList<>();
            try (var list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                for (Path fd : list.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        fds.add(fd.getFileName() + " -> " + target);
                        if (target.startsWith("socket:[")) {
                            socketInodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException gone) {
                        // closed while listing
                    }
                }
            }
            assertThat(fds)
                    .as("stdin and stdout are pipes")
                    .anySatisfy(f -> assertThat(f).startsWith("0 -> pipe:"));
            assertThat(fds).anySatisfy(f -> assertThat(f).startsWith("1 -> pipe:"));
            for (String table : List.of("tcp", "tcp6")) {
                Path file = Path.of("/proc/" + pid + "/net/" + table);
                if (!Files.exists(file)) {
                    continue;
                }
                List<String> listening = Files.readAllLines(file).stream()
                        .skip(1)
                        .map(l -> l.trim().split("\\s+"))
                        .filter(cols -> cols[3].equals("0A")) // LISTEN
                        .filter(cols -> socketInodes.contains(cols[9]))
                        .map(cols -> String.join(" ", cols))
                        .toList();
                assertThat(listening)
                        .as("LISTEN sockets of worker %d in %s; fds %s", pid, table, fds)
                        .isEmpty();
            }
        } finally {
            checked.countDown();
            running.await();
        }
    }

    /** A mutable item: the isolated stage changes what it receives. */
    static final class Box implements Serializable {
        private static final long serialVersionUID = 1L;
        int value;

        Box(int value) {
            this.value = value;
        }
    }

    @Test
    void anIsolatedStageNeverSharesAnObjectWithItsSender() {
        List<Box> sent = IntStream.range(0, 50).mapToObj(Box::new).toList();
        ConcurrentLinkedQueue<Box> received = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("isolated");
        p.<Box>producer("boxes", out -> sent.forEach(out::emit))
                .map("mutate", Exec.isolated(2), (Box b) -> {
                    b.value = -1;
                    return b;
                })
                .consume("sink", received::add);

        assertConserved(p.run());

        assertThat(sent)
                .extracting(b -> b.value)
                .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(received).hasSize(50).allSatisfy(b -> {
            assertThat(b.value).isEqualTo(-1);
            assertThat(sent).noneMatch(s -> s == b);
        });
    }
}

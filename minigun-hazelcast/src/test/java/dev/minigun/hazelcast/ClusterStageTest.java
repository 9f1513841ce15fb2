package dev.minigun.hazelcast;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hazelcast.core.Hazelcast;
import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.HostInfo;
import dev.minigun.Pipeline;
import dev.minigun.PipelineDefinitionException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.hud.HudRenderer;
import dev.minigun.hud.ProcessMemory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stages on two members embedded in this JVM, shared by the tests (a member takes seconds to start). */
class ClusterStageTest {
    private static final String CLUSTER = TestClusters.name("stage-test");
    private static final int BASE = TestClusters.portBase();
    private static List<ClusterMember> members;
    private static ClusterConfig.Scope scope;

    @BeforeAll
    static void startMembers() {
        members = TestClusters.embedded(CLUSTER, BASE, 2);
        scope = ClusterConfig.use(ClusterConfig.loopback(CLUSTER, BASE, BASE + 1));
    }

    @AfterAll
    static void stopMembers() {
        if (scope != null) {
            scope.close();
        }
        if (members != null) {
            members.forEach(ClusterMember::close);
        }
        Hazelcast.shutdownAll();
        TestClusters.assertNoHazelcastLeft();
    }

    @AfterEach
    void nothingLeft() {
        TestClusters.assertNoClientLeft();
    }

    @Test
    void everyItemRunsOnceSpreadOverBothMembersAndFlowsOnDownstream() {
        int items = 10_000;
        AtomicIntegerArray seen = new AtomicIntegerArray(items);
        Pipeline p = Pipeline.create("squares");
        p.<Integer>producer("numbers", out -> IntStream.range(0, items).forEach(out::emit))
                .map("square", Exec.cluster(2), (Integer i) -> (long) i * i)
                .consume("sink", (Long sq) -> seen.incrementAndGet((int) Math.round(Math.sqrt(sq))));

        Running running = p.start();
        RunReport report = assertConserved(running.await());

        assertThat(report.consumed()).isEqualTo(items);
        for (int i = 0; i < items; i++) {
            assertThat(seen.get(i)).as("item %d", i).isEqualTo(1);
        }
        List<HostInfo> hosts = running.hosts();
        assertThat(hosts).extracting(HostInfo::address).containsExactly("127.0.0.1:" + BASE, "127.0.0.1:" + (BASE + 1));
        assertThat(hosts).allSatisfy(h -> assertThat(h.items()).isPositive());
        assertThat(hosts.stream().mapToLong(HostInfo::items).sum()).isEqualTo(items);
        assertThat(hosts).allSatisfy(h -> assertThat(h.alive()).isTrue());
    }

    @Test
    void emitToFiltersAndErrorsComeBackAsFromALocalStage() {
        LongAdder kept = new LongAdder();
        LongAdder tens = new LongAdder();
        Pipeline p = Pipeline.create("mixed");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 1_000).forEach(out::emit))
                .process("split", Exec.cluster(1), (Integer i, dev.minigun.Emitter<Integer> out) -> {
                    if (i % 7 == 0) {
                        throw new IllegalStateException("bad item " + i);
                    }
                    if (i % 10 == 0) {
                        out.emitTo("tens", i);
                    } else {
                        out.emit(i);
                    }
                })
                .onError(ErrorPolicy.skip())
                .filter("odd", Exec.cluster(1), (Integer i) -> i % 2 == 1)
                .consume("sink", (Integer i) -> kept.increment());
        p.consumer("tens", (Integer i) -> tens.increment());

        RunReport report = p.run();

        long sevens = IntStream.range(0, 1_000).filter(i -> i % 7 == 0).count();
        long tenNotSeven =
                IntStream.range(0, 1_000).filter(i -> i % 10 == 0 && i % 7 != 0).count();
        long oddRest = IntStream.range(0, 1_000)
                .filter(i -> i % 7 != 0 && i % 10 != 0 && i % 2 == 1)
                .count();
        assertThat(report.stage("split").failed()).isEqualTo(sevens);
        assertThat(tens.sum()).isEqualTo(tenNotSeven);
        assertThat(kept.sum()).isEqualTo(oddRest);
        assertThat(report.stage("odd").filtered()).isEqualTo(1_000 - sevens - tenNotSeven - oddRest);
        assertThat(report.stage("split").lastError().orElseThrow())
                .matches(
                        "(?s)java.lang.IllegalStateException: bad item \\d+ \\[member 127.0.0.1:\\d+ of stage 'split'].*");
    }

    @Test
    void aStageThatCapturesSomethingNotSerializableFailsBeforeAnyItemMoves() {
        AtomicBoolean produced = new AtomicBoolean();
        Thread notSerializable = new Thread(() -> {});
        Pipeline p = Pipeline.create("capture");
        p.<Integer>producer("numbers", out -> produced.set(true))
                .map("named", Exec.cluster(2), (Integer i) -> notSerializable.getName() + i)
                .consume("sink", s -> {});

        Throwable e = catchThrowable(p::run);

        assertThat(e)
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageStartingWith("stage 'named' runs on cluster(2), so its code must be serializable, but it"
                        + " captures an instance of java.lang.Thread, which is not Serializable");
        assertThat(produced).isFalse();
    }

    @Test
    void noMemberAnsweringWithinTheTimeoutFailsBeforeAnyItemMovesSayingWhatToStart() {
        AtomicBoolean produced = new AtomicBoolean();
        int nobody = TestClusters.portBase();
        Pipeline p = Pipeline.create("lonely");
        p.<Integer>producer("numbers", out -> produced.set(true))
                .map("square", Exec.cluster(2), (Integer i) -> i * i)
                .consume("sink", s -> {});

        ClusterConfig.Scope unreachable =
                ClusterConfig.use(ClusterConfig.loopback("nobody", nobody).withConnectTimeout(Duration.ofMillis(500)));
        Throwable e;
        try {
            e = catchThrowable(p::run);
        } finally {
            unreachable.close();
        }

        assertThat(e)
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessage(
                        "stage 'square' runs on cluster(2), but no member of cluster 'nobody' at 127.0.0.1:" + nobody
                                + " answered within 500 ms: start one with `minigun member --cluster-name nobody --port "
                                + nobody + "`, or point minigun.cluster.members (MINIGUN_CLUSTER_MEMBERS, or"
                                + " ClusterConfig.use) at running members");
        assertThat(produced).isFalse();
    }

    @Test
    void explainAndTheHudShowTheClusterAndItsMembers() {
        Pipeline p = Pipeline.create("shown");
        p.<Integer>producer("numbers", out -> IntStream.range(0, 2_000).forEach(out::emit))
                .map("square", Exec.cluster(2), (Integer i) -> i * i)
                .consume("sink", s -> {});

        String explain = p.plan().explain();
        Running running = p.start();
        RunReport report = running.await();
        List<String> frame = HudRenderer.render(
                p.plan(), report, running.contexts(), running.hosts(), ProcessMemory.proc(), 100, 40);

        assertThat(explain)
                .contains("  square   map        CLUSTER  x2")
                .contains("Where remote stages run\n  square: cluster '" + CLUSTER + "' at 127.0.0.1:" + BASE
                        + ", 127.0.0.1:" + (BASE + 1) + ", at most 2 batches in flight per member (members as"
                        + " configured; live ones show in the HUD)\n");
        assertThat(String.join("\n", frame))
                .containsPattern("    member 127\\.0\\.0\\.1:" + BASE + " +[-\\d,.]+/s +[\\d,]+ items   square")
                .containsPattern("    member 127\\.0\\.0\\.1:" + (BASE + 1) + " +[-\\d,.]+/s +[\\d,]+ items   square")
                .contains("  CLUSTER    0/2 alive   square 0/2");
    }
}

package dev.minigun.hazelcast;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.Exec;
import dev.minigun.HostInfo;
import dev.minigun.Pipeline;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kill -9 of a member JVM in the middle of a run: its batches go to the others, nothing lost or duplicated. */
class MemberLossTest {
    private static final int ITEMS = 100_000;

    @AfterEach
    void nothingLeft() {
        TestClusters.assertNoClientLeft();
    }

    @Test
    void killingAMemberMidRunLosesAndDuplicatesNothingAtTheSink() throws Exception {
        String cluster = TestClusters.name("loss");
        int base = TestClusters.portBase();
        try (ChildMembers members = ChildMembers.start(cluster, base, 3)) {
            ClusterConfig.Scope scope = ClusterConfig.use(ClusterConfig.loopback(cluster, base, base + 1, base + 2));
            try {
                runAndKill(members);
            } finally {
                scope.close();
            }
        }
    }

    private static void runAndKill(ChildMembers members) throws Exception {
        AtomicIntegerArray seen = new AtomicIntegerArray(ITEMS);
        LongAdder consumed = new LongAdder();
        CountDownLatch aFifthDone = new CountDownLatch(ITEMS / 5);
        Pipeline p = Pipeline.create("loss");
        p.<Integer>producer("numbers", out -> IntStream.range(0, ITEMS).forEach(out::emit))
                .map("spin", Exec.cluster(2), MemberLossTest::spin)
                .consume("sink", (Integer i) -> {
                    seen.incrementAndGet(i);
                    consumed.increment();
                    aFifthDone.countDown();
                });

        Running running = p.start();
        if (!aFifthDone.await(120, TimeUnit.SECONDS)) {
            running.cancel(); // nothing keeps running into the members' teardown
            AssertionError notDone = new AssertionError("a fifth of the items was not done within 120 s");
            try {
                notDone.addSuppressed(new AssertionError("the run ended: " + running.await()));
            } catch (PipelineException e) {
                notDone.addSuppressed(e);
            }
            throw notDone;
        }
        Process victim = members.process(1);
        victim.destroyForcibly(); // SIGKILL: no goodbye to the cluster
        long atKill = consumed.sum();
        RunReport report = assertConserved(running.await());

        assertThat(victim.isAlive() && !victim.waitFor(5, TimeUnit.SECONDS)).isFalse();
        assertThat(atKill).as("items done when the member was killed").isLessThan(ITEMS);
        assertThat(report.consumed()).isEqualTo(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            assertThat(seen.get(i)).as("item %d", i).isEqualTo(1);
        }
        long onMembers = running.hosts().stream().mapToLong(HostInfo::items).sum();
        assertThat(onMembers).as("items answered by members").isEqualTo(ITEMS);
        System.out.println("MemberLossTest: killed " + members.addresses().get(1) + " (pid " + victim.pid() + ") after "
                + atKill + " of " + ITEMS + " items; members: " + running.hosts());
    }

    /** A little CPU per item, so that batches are in flight on every member when one is killed. */
    private static Integer spin(Integer i) {
        long x = i;
        for (int k = 0; k < 2_000; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x == 42 ? -1 : i;
    }
}

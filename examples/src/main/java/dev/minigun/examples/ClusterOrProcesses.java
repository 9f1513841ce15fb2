package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.HostInfo;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.hazelcast.ClusterConfig;
import dev.minigun.hazelcast.ClusterMember;
import dev.minigun.hazelcast.MemberConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * One pipeline, two places for its heavy stage, one line apart: the squares are computed in two
 * worker JVMs ({@code Exec.processes(2)}, module {@code minigun-process}), then on the members of a
 * Hazelcast cluster ({@code Exec.cluster(2)}, module {@code minigun-hazelcast}: at most two batches
 * in flight per member). Everything else (the producer, the sum back here, the accounting) is the
 * same. So that it runs anywhere, {@link #main} starts two members in this JVM on loopback; for
 * real work they are {@code minigun member} JVMs on other machines, named by
 * {@code minigun.cluster.members}.
 */
public final class ClusterOrProcesses {
    private ClusterOrProcesses() {}

    public static void main(String[] args) {
        String cluster = "example";
        List<String> join = List.of("127.0.0.1:5701", "127.0.0.1:5702");
        try (ClusterMember a = ClusterMember.start(MemberConfig.loopback(cluster, 5701, join));
                ClusterMember b = ClusterMember.start(MemberConfig.loopback(cluster, 5702, join))) {
            run(
                    System.out,
                    new ClusterConfig(cluster, List.of(a.address(), b.address()), java.time.Duration.ofSeconds(10)));
        }
    }

    static RunReport run(PrintStream out, ClusterConfig cluster) {
        squares(out, Exec.processes(2));
        ClusterConfig.Scope members = ClusterConfig.use(cluster);
        try {
            return squares(out, Exec.cluster(2));
        } finally {
            members.close();
        }
    }

    /** The pipeline; {@code where} is the only thing that differs between the two runs. */
    private static RunReport squares(PrintStream out, Exec where) {
        ConcurrentLinkedQueue<Long> squares = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("squares");
        p.<Integer>producer(
                        "numbers", emitter -> IntStream.rangeClosed(1, 1_000).forEach(emitter::emit))
                .map("square", where, (Integer n) -> (long) n * n) // the one line: processes(2) or cluster(2)
                .consume("sum", squares::add);

        Running running = p.start();
        RunReport report = running.await();

        List<HostInfo> members = running.hosts();
        out.printf(
                "%-13s %d squares, sum %d, %s%n",
                where + ":",
                squares.size(),
                squares.stream().mapToLong(Long::longValue).sum(),
                members.isEmpty()
                        ? "in worker JVMs"
                        : "on " + members.stream().filter(m -> m.items() > 0).count() + " members");
        return report;
    }
}

package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.hazelcast.ClusterConfig;
import dev.minigun.hazelcast.ClusterMember;
import dev.minigun.hazelcast.MemberConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class ClusterOrProcessesTest {

    @Test
    void theSamePipelineRunsInWorkerJvmsThenOnTwoMembers() {
        // A port range and cluster name of the test's own, so that no other member joins.
        int base = 20_000 + 10 * ThreadLocalRandom.current().nextInt(2_000);
        String cluster = "example-" + base;
        List<String> join = List.of("127.0.0.1:" + base, "127.0.0.1:" + (base + 1));
        Capture run;
        try (ClusterMember a = ClusterMember.start(MemberConfig.loopback(cluster, base, join));
                ClusterMember b = ClusterMember.start(MemberConfig.loopback(cluster, base + 1, join))) {
            ClusterConfig config =
                    new ClusterConfig(cluster, List.of(a.address(), b.address()), Duration.ofSeconds(10));
            run = Capture.run(out -> ClusterOrProcesses.run(out, config));
        }

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            processes(2): 1000 squares, sum 333833500, in worker JVMs
            cluster(2):   1000 squares, sum 333833500, on 2 members
            """);
    }
}

package dev.minigun.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.testing.Eventually;
import dev.minigun.testing.ThreadCensus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Clusters for tests that collide with nobody: a cluster name of their own (a member of another
 * cluster refuses to join) and a random port range well above the default 5701, on loopback.
 */
final class TestClusters {
    private TestClusters() {}

    /** A fresh cluster name. */
    static String name(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random first port, leaving room for the next few. */
    static int portBase() {
        return 20_000 + 10 * ThreadLocalRandom.current().nextInt(2_000);
    }

    /** The loopback addresses {@code base .. base + n - 1}. */
    static List<String> addresses(int base, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("127.0.0.1:" + (base + i));
        }
        return out;
    }

    /** Starts {@code n} members in this JVM; returns once all are in one cluster. */
    static List<ClusterMember> embedded(String cluster, int base, int n) {
        List<String> join = addresses(base, n);
        List<ClusterMember> members = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                members.add(ClusterMember.start(
                        MemberConfig.loopback(cluster, base + i, join).withThreads(2)));
            }
            assertThat(members.getFirst().clusterMembers()).hasSize(n);
            return members;
        } catch (RuntimeException | Error e) {
            for (ClusterMember m : members) { // no member outlives a failed start
                try {
                    m.close();
                } catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
    }

    /**
     * The live threads of the Hazelcast instances whose name contains {@code part}: their threads are
     * named {@code hz.<instance>.…} or {@code <instance>-…}, and this module names its instances
     * {@code cluster-member-…} and {@code cluster-client-…}.
     */
    static List<String> hazelcastThreads(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.contains("cluster-member-") || n.contains("cluster-client-") || n.startsWith("hz."))
                .filter(n -> n.contains(part))
                .toList();
    }

    /** No coordinator client thread, no engine thread left within 5 s. */
    static void assertNoClientLeft() {
        Eventually.within(
                Duration.ofSeconds(5), () -> hazelcastThreads("cluster-client-").isEmpty());
        assertThat(hazelcastThreads("cluster-client-"))
                .as("client threads left behind")
                .isEmpty();
        ThreadCensus.awaitNoMinigunThreads(Duration.ofSeconds(2));
        assertThat(ThreadCensus.minigunThreads())
                .as("minigun threads left behind")
                .isEmpty();
    }

    /** No thread of any Hazelcast instance left within 10 s (members shut down). */
    static void assertNoHazelcastLeft() {
        Eventually.within(Duration.ofSeconds(10), () -> hazelcastThreads("").isEmpty());
        assertThat(hazelcastThreads("")).as("Hazelcast threads left behind").isEmpty();
    }
}

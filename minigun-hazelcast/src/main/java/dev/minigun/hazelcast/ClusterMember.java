package dev.minigun.hazelcast;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hazelcast member that runs the batches of {@code cluster(n)} stages: what {@code minigun member}
 * starts, and what tests embed in their own JVM. It must have the stages' classes on its class
 * path (the same jar as the coordinator). It joins the members of its {@link MemberConfig} over
 * TCP/IP, never by multicast, and leaves the cluster on {@link #close}.
 *
 * <p><b>Note:</b> it shares its JVM with whatever started it; a member for real work is a JVM of
 * its own on each machine ({@code minigun member}).
 */
public final class ClusterMember implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final HazelcastInstance hazelcast;

    private ClusterMember(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /** Starts a member and returns once it has joined (or formed) its cluster. */
    public static ClusterMember start(MemberConfig config) {
        Config c = new Config();
        // Not "minigun-...": those names are the engine's own threads, which must end with each run.
        c.setInstanceName("cluster-member-" + COUNT.incrementAndGet() + "-" + config.port());
        c.setClusterName(config.clusterName());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        // A member killed with -9 leaves at once when its connections drop; a silent one within 15 s.
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = c.getNetworkConfig();
        network.setPort(config.port()).setPortAutoIncrement(true).setPortCount(100);
        network.getInterfaces().setEnabled(true).addInterface(config.bind());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = config.members().isEmpty() ? List.of(config.bind()) : config.members();
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        c.getExecutorConfig(ClusterStage.EXECUTOR).setPoolSize(config.threads());
        BatchTask.register(c.getSerializationConfig());
        return new ClusterMember(Hazelcast.newHazelcastInstance(c));
    }

    /** Where this member listens, like {@code 127.0.0.1:5701}. */
    public String address() {
        Address a = hazelcast.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    /** The addresses of the cluster's members as this member sees them, itself included. */
    public List<String> clusterMembers() {
        return hazelcast.getCluster().getMembers().stream()
                .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort())
                .toList();
    }

    /** Whether the member still runs. */
    public boolean isRunning() {
        return hazelcast.getLifecycleService().isRunning();
    }

    /** Leaves the cluster and stops every thread of the member; batches it runs go to the others. */
    @Override
    public void close() {
        hazelcast.shutdown();
    }
}

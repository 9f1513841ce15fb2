package dev.minigun.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coordinator's connections to clusters: one Hazelcast client per {@link ClusterConfig}, shared
 * by the cluster stages of the runs that use it at the same time, and shut down (with all its
 * threads) when the last of them ends. The coordinator is a client rather than a lite member: it
 * joins no membership, holds no partition, needs only to reach the members (not to be reached by
 * them), and its coming and going never makes the cluster migrate anything.
 */
final class ClusterClients {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Map<ClusterConfig, Lease> OPEN = new HashMap<>();

    private ClusterClients() {}

    /** A lease on the client of {@code config}; connects (waiting up to its timeout) if none is open. */
    static synchronized Lease acquire(ClusterConfig config) {
        Lease lease = OPEN.get(config);
        if (lease == null || !lease.client.getLifecycleService().isRunning()) {
            lease = new Lease(config, HazelcastClient.newHazelcastClient(clientConfig(config)));
            OPEN.put(config, lease);
        }
        lease.users++;
        return lease;
    }

    private static ClientConfig clientConfig(ClusterConfig config) {
        ClientConfig c = new ClientConfig();
        c.setInstanceName("cluster-client-" + COUNT.incrementAndGet());
        c.setClusterName(config.clusterName());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.getNetworkConfig().setAddresses(config.members());
        c.getConnectionStrategyConfig()
                .getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(config.connectTimeout().toMillis())
                .setInitialBackoffMillis(100)
                .setMaxBackoffMillis(1_000);
        BatchTask.register(c.getSerializationConfig());
        return c;
    }

    /** One user's hold on a shared client; {@link #release} once. */
    static final class Lease {
        final ClusterConfig config;
        final HazelcastInstance client;
        private int users;

        private Lease(ClusterConfig config, HazelcastInstance client) {
            this.config = config;
            this.client = client;
        }

        /** Gives the client back; the last user shuts it down. */
        void release() {
            synchronized (ClusterClients.class) {
                if (--users > 0) {
                    return;
                }
                if (OPEN.get(config) == this) {
                    OPEN.remove(config);
                }
            }
            client.shutdown();
        }
    }
}

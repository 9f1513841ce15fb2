package dev.minigun.hazelcast;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which cluster the {@code cluster(n)} stages of this JVM run on: its name, the addresses of some
 * of its members, and how long to wait for one of them. The coordinator (this JVM) connects as a
 * Hazelcast client when a run is prepared and leaves when it ends; it never becomes a member. The
 * configuration is explicit and JVM-wide: {@link #use} sets it (tests, programs), else it comes
 * from system properties or environment variables (the CLI), else it is the loopback default.
 *
 * <table>
 * <caption>Where each value comes from</caption>
 * <tr><th>value</th><th>system property</th><th>environment</th><th>default</th></tr>
 * <tr><td>cluster name</td><td>{@code minigun.cluster.name}</td><td>{@code MINIGUN_CLUSTER_NAME}</td><td>{@code minigun}</td></tr>
 * <tr><td>members</td><td>{@code minigun.cluster.members}</td><td>{@code MINIGUN_CLUSTER_MEMBERS}</td><td>{@code 127.0.0.1:5701}</td></tr>
 * <tr><td>connect timeout</td><td>{@code minigun.cluster.connectTimeout}</td><td>{@code MINIGUN_CLUSTER_CONNECT_TIMEOUT}</td><td>10 s</td></tr>
 * </table>
 *
 * @param clusterName the cluster's name: members of another cluster refuse the connection
 * @param members {@code host:port} addresses of members to connect to (one that answers is enough)
 * @param connectTimeout how long to wait for a member before the run fails, naming the stage
 */
public record ClusterConfig(String clusterName, List<String> members, Duration connectTimeout) {
    /** The system property that names the cluster. */
    public static final String NAME_PROPERTY = "minigun.cluster.name";
    /** The system property that lists members, comma-separated {@code host:port}. */
    public static final String MEMBERS_PROPERTY = "minigun.cluster.members";
    /** The system property that bounds the wait for a member: milliseconds, or an ISO duration ({@code PT5S}). */
    public static final String TIMEOUT_PROPERTY = "minigun.cluster.connectTimeout";

    private static final AtomicReference<ClusterConfig> CURRENT = new AtomicReference<>();

    /** Checks the values. */
    public ClusterConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        members = List.copyOf(members);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (clusterName.isBlank()) {
            throw new IllegalArgumentException("the cluster name is empty: give one (" + NAME_PROPERTY + ")");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException(
                    "no member address to connect to: give host:port of at least one (" + MEMBERS_PROPERTY + ")");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, was " + connectTimeout);
        }
    }

    /** Members on this machine's loopback interface at {@code ports}, with a 10 s connect timeout. */
    public static ClusterConfig loopback(String clusterName, int... ports) {
        List<String> addresses = new ArrayList<>();
        for (int port : ports) {
            addresses.add("127.0.0.1:" + port);
        }
        return new ClusterConfig(clusterName, addresses, Duration.ofSeconds(10));
    }

    /** The same cluster, waiting at most {@code timeout} for a member. */
    public ClusterConfig withConnectTimeout(Duration timeout) {
        return new ClusterConfig(clusterName, members, timeout);
    }

    /** The configuration from system properties, then environment variables, then the defaults. */
    public static ClusterConfig fromEnvironment() {
        String name = setting(NAME_PROPERTY, "MINIGUN_CLUSTER_NAME", "minigun");
        String members = setting(MEMBERS_PROPERTY, "MINIGUN_CLUSTER_MEMBERS", "127.0.0.1:5701");
        String timeout = setting(TIMEOUT_PROPERTY, "MINIGUN_CLUSTER_CONNECT_TIMEOUT", "10000");
        return new ClusterConfig(name, split(members), parseTimeout(timeout));
    }

    /** The configuration runs use now: the one set by {@link #use}, else {@link #fromEnvironment()}. */
    public static ClusterConfig current() {
        ClusterConfig set = CURRENT.get();
        return set != null ? set : fromEnvironment();
    }

    /**
     * Makes {@code config} the one every run of this JVM prepared from now on uses, until the
     * returned scope is closed (which restores the previous one).
     */
    public static Scope use(ClusterConfig config) {
        ClusterConfig previous = CURRENT.getAndSet(Objects.requireNonNull(config, "config"));
        return () -> CURRENT.set(previous);
    }

    /** What {@link #use} returns: closing it restores the configuration that was in use before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** {@code host:port} and the other members, for messages. */
    @Override
    public String toString() {
        return "cluster '" + clusterName + "' at " + String.join(", ", members);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static List<String> split(String members) {
        List<String> out = new ArrayList<>();
        for (String m : members.split(",")) {
            if (!m.isBlank()) {
                out.add(m.strip());
            }
        }
        return out;
    }

    private static Duration parseTimeout(String value) {
        try {
            return value.startsWith("P") || value.startsWith("p")
                    ? Duration.parse(value)
                    : Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    TIMEOUT_PROPERTY + " must be milliseconds or an ISO duration like PT5S, was '" + value + "'", e);
        }
    }
}

package dev.minigun.hazelcast;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * How a cluster member starts ({@code minigun member}, or {@link ClusterMember#start} in a test):
 * the cluster it joins, the interface and port it listens on, the members it looks for (TCP/IP
 * join, no multicast), and how many batches it runs at once. It listens on loopback unless told
 * otherwise: Hazelcast's community edition has no TLS and no authentication, so anyone who can
 * reach a member's port can run code in it; another interface needs {@code allowNetwork}, and
 * then the cluster belongs on a private network.
 *
 * @param clusterName the cluster's name; members with another name do not join
 * @param bind the address of the interface to listen on ({@code 127.0.0.1} by default)
 * @param port the first port to try; the next ones are tried when it is taken
 * @param members {@code host:port} of the other members to join (may include this one)
 * @param threads how many batches the member runs at once (its executor's threads)
 * @param allowNetwork whether {@code bind} may be an address other than loopback
 */
public record MemberConfig(
        String clusterName, String bind, int port, List<String> members, int threads, boolean allowNetwork) {
    /** The port a member tries first when none is given. */
    public static final int DEFAULT_PORT = 5701;

    /** Checks the values; refuses a non-loopback {@code bind} unless {@code allowNetwork}. */
    public MemberConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(bind, "bind");
        members = List.copyOf(members);
        if (clusterName.isBlank()) {
            throw new IllegalArgumentException("the cluster name is empty: give one (--cluster-name)");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port: give 1..65535");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("a member needs at least 1 thread, was " + threads);
        }
        if (!allowNetwork && !isLoopback(bind)) {
            throw new IllegalArgumentException("binding " + bind + " puts the member on the network, where anyone"
                    + " who reaches its port can run code in it (Hazelcast's community edition has no TLS and no"
                    + " authentication): keep 127.0.0.1, or pass --allow-network (MemberConfig.allowNetwork) on a"
                    + " private network only");
        }
    }

    /** A member on loopback at {@code port} (or the next free one) joining the members at {@code members}. */
    public static MemberConfig loopback(String clusterName, int port, List<String> members) {
        return new MemberConfig(
                clusterName, "127.0.0.1", port, members, Runtime.getRuntime().availableProcessors(), false);
    }

    /** The same member running {@code n} batches at once. */
    public MemberConfig withThreads(int n) {
        return new MemberConfig(clusterName, bind, port, members, n, allowNetwork);
    }

    /** Whether the member listens on loopback only (else it is on a network, and should warn). */
    public boolean onLoopback() {
        return isLoopback(bind);
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

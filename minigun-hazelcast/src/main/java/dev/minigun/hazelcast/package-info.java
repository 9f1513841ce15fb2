/**
 * The cluster context: {@code Exec.cluster(n)} runs a stage on the members of a Hazelcast cluster.
 * Users meet {@link dev.minigun.hazelcast.ClusterConfig} (which cluster the coordinator connects to)
 * and {@link dev.minigun.hazelcast.ClusterMember} / {@link dev.minigun.hazelcast.MemberConfig} (a
 * member, as {@code minigun member} starts one or a test embeds one); the rest is package-private.
 * Membership, failure detection and transport are Hazelcast's; the batches, their redelivery when a
 * member is lost, and the accounting are Minigun's. See {@code docs/cluster.md}.
 */
package dev.minigun.hazelcast;

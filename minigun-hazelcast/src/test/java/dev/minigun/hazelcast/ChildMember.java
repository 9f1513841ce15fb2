package dev.minigun.hazelcast;

import java.util.List;

/**
 * The main class of a member JVM a test starts: joins the cluster named in its arguments on
 * loopback, prints {@code member <address>} once it has, and leaves when its stdin closes (the
 * test's normal stop) or its parent dies.
 */
public final class ChildMember {
    private ChildMember() {}

    /** {@code args}: cluster name, port, comma-separated member addresses. */
    public static void main(String[] args) throws Exception {
        ProcessHandle.current()
                .parent()
                .ifPresent(parent ->
                        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(5)));
        ClusterMember member = ClusterMember.start(
                MemberConfig.loopback(args[0], Integer.parseInt(args[1]), List.of(args[2].split(",")))
                        .withThreads(2));
        System.out.println("member " + member.address());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
        member.close();
        System.exit(0);
    }
}

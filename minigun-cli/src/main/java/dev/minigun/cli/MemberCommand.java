package dev.minigun.cli;

import dev.minigun.hazelcast.ClusterMember;
import dev.minigun.hazelcast.MemberConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minigun member}: starts a cluster member that runs the batches of {@code Exec.cluster(n)}
 * stages (module {@code minigun-hazelcast}), joined to the others by cluster name and a member list
 * over TCP/IP, on loopback unless told otherwise. It prints its address and runs until Ctrl-C or
 * SIGTERM, then leaves the cluster cleanly (its batches in flight go to the other members).
 */
@Command(
        name = "member",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Starts a cluster member for Exec.cluster(n) stages and runs until Ctrl-C.",
            "It listens on 127.0.0.1 unless --bind names another interface, which needs --allow-network:"
                    + " Hazelcast's community edition has no TLS and no authentication, so anyone who reaches"
                    + " a member's port can run code in it. Keep a cluster on a private network."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the member left the cluster cleanly",
            "2:bad usage: an unknown option, or --bind on another interface without --allow-network",
            "130:interrupted: the member left the cluster"
        })
public final class MemberCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--cluster-name",
            defaultValue = "minigun",
            description = "The cluster to join; coordinators name it too (default: ${DEFAULT-VALUE}).")
    private String clusterName;

    @Option(
            names = "--port",
            defaultValue = "5701",
            description = "The first port to try; the next ones are tried if it is taken (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(
            names = "--members",
            split = ",",
            paramLabel = "HOST:PORT",
            description = "The other members to join, comma-separated (default: this member alone).")
    private List<String> members = List.of();

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "The interface to listen on (default: ${DEFAULT-VALUE}); another needs --allow-network.")
    private String bind;

    @Option(
            names = "--allow-network",
            description = "Allow --bind to name an interface other than loopback (a private network only).")
    private boolean allowNetwork;

    @Option(
            names = "--threads",
            description = "How many batches the member runs at once (default: the number of CPUs).")
    private int threads = Runtime.getRuntime().availableProcessors();

    private final CountDownLatch stop = new CountDownLatch(1);

    /** The command, ready for picocli. */
    public MemberCommand() {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MemberConfig config;
        try {
            config = new MemberConfig(clusterName, bind, port, members, threads, allowNetwork);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!config.onLoopback()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "warning: member on " + bind + ": no TLS, no authentication; keep it on a private network");
        }
        ClusterMember member = ClusterMember.start(config);
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            member.close();
            stop.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("member " + member.address() + " of cluster '" + clusterName + "', members "
                + member.clusterMembers() + "; Ctrl-C stops it");
        out.flush();
        try {
            stop.await();
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            member.close();
            out.println("member " + clusterName + " stopped");
            return ExitCodes.INTERRUPTED;
        }
    }
}

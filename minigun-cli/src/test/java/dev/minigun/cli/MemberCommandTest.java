package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.testing.Eventually;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MemberCommandTest {

    @Test
    void helpSaysItStaysOnLoopbackUnlessAllowedAndWhy() {
        CliRun run = CliRun.of("member", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                Usage: minigun member [-hV] [--allow-network] [--bind=<bind>]
                                      [--cluster-name=<clusterName>] [--port=<port>]
                                      [--threads=<threads>] [--members=HOST:PORT[,HOST:
                                      PORT...]]...
                Starts a cluster member for Exec.cluster(n) stages and runs until Ctrl-C.
                It listens on 127.0.0.1 unless --bind names another interface, which needs
                --allow-network: Hazelcast's community edition has no TLS and no
                authentication, so anyone who reaches a member's port can run code in it. Keep
                a cluster on a private network.
                      --allow-network       Allow --bind to name an interface other than
                                              loopback (a private network only).
                      --bind=<bind>         The interface to listen on (default: 127.0.0.1);
                                              another needs --allow-network.
                      --cluster-name=<clusterName>
                                            The cluster to join; coordinators name it too
                                              (default: minigun).
                  -h, --help                Show this help message and exit.
                      --members=HOST:PORT[,HOST:PORT...]
                                            The other members to join, comma-separated
                                              (default: this member alone).
                      --port=<port>         The first port to try; the next ones are tried if
                                              it is taken (default: 5701).
                      --threads=<threads>   How many batches the member runs at once (default:
                                              the number of CPUs).
                  -V, --version             Print version information and exit.

                Exit codes:
                  0     the member left the cluster cleanly
                  2     bad usage: an unknown option, or --bind on another interface without
                          --allow-network
                  130   interrupted: the member left the cluster
                """);
    }

    @Test
    void anotherInterfaceWithoutAllowNetworkIsRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.of("member", "--bind", "10.11.12.13");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .startsWith("binding 10.11.12.13 puts the member on the network, where anyone who reaches its port"
                        + " can run code in it (Hazelcast's community edition has no TLS and no authentication):"
                        + " keep 127.0.0.1, or pass --allow-network (MemberConfig.allowNetwork) on a private network"
                        + " only\n");
    }

    @Test
    void aMemberPrintsItsAddressAndLeavesWhenInterrupted() throws Exception {
        int port = 20_000 + 10 * ThreadLocalRandom.current().nextInt(2_000);
        String cluster = "cli-" + port;
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        AtomicInteger code = new AtomicInteger(-1);
        Thread member = Thread.ofPlatform()
                .start(() -> code.set(cmd.execute("member", "--cluster-name", cluster, "--port", "" + port)));

        Eventually.within(
                Duration.ofSeconds(60), () -> out.toString().contains("Ctrl-C stops it") || !member.isAlive());
        member.interrupt();
        member.join(Duration.ofSeconds(30));

        assertThat(out.toString())
                .isEqualTo("member 127.0.0.1:" + port + " of cluster '" + cluster + "', members [127.0.0.1:" + port
                        + "]; Ctrl-C stops it\nmember " + cluster + " stopped\n");
        assertThat(code.get()).isEqualTo(ExitCodes.INTERRUPTED);
        // Hazelcast's threads end shortly after its shutdown returns.
        Eventually.within(Duration.ofSeconds(10), () -> memberThreads().isEmpty());
        assertThat(memberThreads()).as("member threads left").isEmpty();
    }

    private static List<String> memberThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.contains("cluster-member-"))
                .toList();
    }
}

package dev.minigun.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.testing.Eventually;
import dev.minigun.testing.ProcessCensus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Member JVMs on loopback started by a test with this JVM's JDK and class path (as the process
 * module starts its workers), and the check that none is left when the test ends.
 */
final class ChildMembers implements AutoCloseable {
    private final List<Process> processes;
    private final List<String> addresses;

    private ChildMembers(List<Process> processes, List<String> addresses) {
        this.processes = processes;
        this.addresses = addresses;
    }

    /** Starts {@code n} member JVMs of {@code cluster} from port {@code base}; returns once each has joined. */
    static ChildMembers start(String cluster, int base, int n) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String join = String.join(",", TestClusters.addresses(base, n));
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                List<String> command = new ArrayList<>(List.of(java));
                for (String option : System.getProperty("minigun.hazelcast.memberJvmOptions", "")
                        .split(" ")) {
                    if (!option.isBlank()) {
                        command.add(option);
                    }
                }
                command.addAll(List.of(
                        "-Dhazelcast.logging.type=none",
                        "-Dhazelcast.phone.home.enabled=false",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ChildMember.class.getName(),
                        cluster,
                        Integer.toString(base + i),
                        join));
                started.add(new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            List<String> addresses = new ArrayList<>();
            for (Process p : started) {
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("member pid %d's first line", p.pid()).startsWith("member ");
                addresses.add(line.substring("member ".length()));
            }
            return new ChildMembers(started, addresses);
        } catch (IOException | RuntimeException | Error e) {
            started.forEach(Process::destroyForcibly); // no member JVM outlives a failed start
            throw e;
        }
    }

    /** The members' addresses, in start order. */
    List<String> addresses() {
        return addresses;
    }

    /** The {@code i}-th member's JVM. */
    Process process(int i) {
        return processes.get(i);
    }

    /** Asks every member to leave, kills those that do not within 10 s, and checks that none is left. */
    @Override
    public void close() throws IOException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.getOutputStream().close();
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        Eventually.within(Duration.ofSeconds(5), () -> alive().isEmpty());
        assertThat(alive()).as("member JVMs left behind").isEmpty();
    }

    private List<Long> alive() {
        return processes.stream()
                .filter(Process::isAlive)
                .map(Process::pid)
                .filter(pid -> !ProcessCensus.isZombie(pid))
                .toList();
    }
}

package dev.minigun.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.testing.Eventually;
import dev.minigun.testing.ProcessCensus;
import dev.minigun.testing.ThreadCensus;
import java.time.Duration;
import java.util.List;

/** Finds this JVM's worker processes, and checks that a test leaves none (and no engine thread) behind. */
final class Workers {
    private Workers() {}

    /** The pids of the live worker JVMs started by this JVM (its descendants running {@link WorkerMain}). */
    static List<Long> pids() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(h -> !ProcessCensus.isZombie(h.pid()))
                .filter(h -> h.info()
                        .arguments()
                        .map(a -> List.of(a).contains(WorkerMain.class.getName()))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Waits, polling up to {@code timeout}, until {@code pids} have all exited; returns those still alive. */
    static List<Long> awaitGone(List<Long> pids, Duration timeout) {
        Eventually.within(timeout, () -> alive(pids).isEmpty());
        return alive(pids);
    }

    static List<Long> alive(List<Long> pids) {
        return pids.stream()
                .filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                .filter(p -> !ProcessCensus.isZombie(p))
                .toList();
    }

    /** Polls up to {@code timeout} until at least {@code n} workers run; returns their pids. */
    static List<Long> awaitAtLeast(int n, Duration timeout) {
        Eventually.within(timeout, () -> pids().size() >= n);
        return pids();
    }

    /** No worker process is left within 2 s, and no engine thread. */
    static void assertNoneLeft() {
        assertThat(awaitGone(pids(), Duration.ofSeconds(2)))
                .as("worker processes left behind")
                .isEmpty();
        ThreadCensus.awaitNoMinigunThreads(Duration.ofSeconds(2));
        assertThat(ThreadCensus.minigunThreads())
                .as("minigun threads left behind")
                .isEmpty();
    }
}

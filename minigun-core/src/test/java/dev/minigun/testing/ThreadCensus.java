package dev.minigun.testing;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which threads a run left behind: none is the only right answer once {@code run()} returns. */
public final class ThreadCensus {
    private ThreadCensus() {}

    /** The live platform threads whose names the engine gives its own ({@code minigun-...}). */
    public static Set<String> minigunThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("minigun-"))
                .collect(Collectors.toSet());
    }

    /**
     * Waits, polling up to {@code timeout}, until no engine thread is alive; for a test that
     * deliberately abandoned a thread that ignores interrupts and then let it finish.
     */
    public static void awaitNoMinigunThreads(java.time.Duration timeout) {
        Eventually.within(timeout, () -> minigunThreads().isEmpty());
    }

    /** The threads among {@code seen} (platform or virtual) that are still alive. */
    public static List<Thread> alive(Collection<Thread> seen) {
        return seen.stream().filter(Thread::isAlive).toList();
    }
}

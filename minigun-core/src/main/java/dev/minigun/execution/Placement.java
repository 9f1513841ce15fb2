package dev.minigun.execution;

import dev.minigun.ContextKind;
import java.util.Optional;

/**
 * Where the plan put one stage, and why: the kind of context it runs in, how many contexts it gets
 * (after the global limits are shared), whether it is called directly by an upstream, the size of
 * its input queue, and the rule that decided.
 *
 * @param stage the stage's name
 * @param kind the kind of context its code runs in (for a colocated stage: its host's)
 * @param contexts how many contexts of its own it gets (0 when colocated)
 * @param requested how many it asked for (0 when colocated)
 * @param affinity the upstream it is colocated with, if any
 * @param host the stage that owns the context this stage runs in (itself unless colocated)
 * @param queueSize the capacity of its input queue (0 when it has no queue)
 * @param concurrency how many threads may call its code at once
 * @param rule the rule that decided
 * @param maxContexts how many contexts it may grow to at run time (an adaptive pool, {@code
 *     Exec.threads(min, max)}); equal to {@code requested} for a fixed pool
 * @param priority its claim on a shared global limit (higher first, see {@link PoolShare})
 */
public record Placement(
        String stage,
        ContextKind kind,
        int contexts,
        int requested,
        Optional<String> affinity,
        String host,
        int queueSize,
        int concurrency,
        AffinityRule rule,
        int maxContexts,
        int priority) {

    /** A fixed placement of priority 0: it never grows past {@code requested}. */
    public Placement(
            String stage,
            ContextKind kind,
            int contexts,
            int requested,
            Optional<String> affinity,
            String host,
            int queueSize,
            int concurrency,
            AffinityRule rule) {
        this(stage, kind, contexts, requested, affinity, host, queueSize, concurrency, rule, requested, 0);
    }

    /** Whether its pool grows and shrinks with the load between its contexts and {@link #maxContexts}. */
    public boolean isAdaptive() {
        return maxContexts > requested && contexts > 0;
    }

    /** Whether items reach this stage through a bounded queue. */
    public boolean isQueued() {
        return queueSize > 0;
    }

    /** The same placement with {@code n} contexts, after the global limit is shared. */
    Placement withContexts(int n) {
        int callers = maxContexts > requested ? maxContexts : n; // an adaptive pool may grow to its maximum
        return new Placement(
                stage, kind, n, requested, affinity, host, queueSize, callers, rule, maxContexts, priority);
    }
}

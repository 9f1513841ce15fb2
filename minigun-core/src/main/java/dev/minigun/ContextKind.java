package dev.minigun;

/**
 * The kinds of place a stage can run in. A stage's {@link Exec} names one, the
 * {@link dev.minigun.execution.ExecutionPlan} decides one for every stage that names none, and
 * each kind has one {@link dev.minigun.execution.ExecutionContext} implementation behind a
 * {@link dev.minigun.execution.ContextPool} whose size is a global limit of the pipeline.
 */
public enum ContextKind {
    /** In the caller: a direct call from the upstream stage, or the thread that called {@code run()}. */
    INLINE,
    /** A platform thread. */
    THREAD,
    /** A virtual thread: the home of blocking I/O. */
    VIRTUAL,
    /** A persistent worker JVM (module {@code minigun-process}). */
    PROCESS,
    /** Dedicated threads that share no object with the rest of the pipeline (module {@code minigun-process}). */
    ISOLATED,
    /** Members of a Hazelcast cluster (module {@code minigun-hazelcast}). */
    CLUSTER;

    /** Whether a stage of this kind runs inside the parent JVM on threads it can share with its neighbours. */
    public boolean isLocal() {
        return this == INLINE || this == THREAD || this == VIRTUAL;
    }
}

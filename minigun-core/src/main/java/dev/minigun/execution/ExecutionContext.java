package dev.minigun.execution;

import dev.minigun.ContextKind;

/**
 * One place where stage work runs: a thread, a virtual thread, the caller, a worker process. It is
 * the single abstraction the orchestrator schedules against, so a stage can move from one kind to
 * another without its code or the wiring around it changing. A context runs one task (a stage's
 * loop) and is then done; {@link ContextPool} hands them out within the pipeline's global limits.
 *
 * <p>Contracts every implementation keeps: {@link #execute} may be called once; {@link #join}
 * returns once the task has ended (at once if it never started); {@link #terminate} asks the task
 * to stop (an interrupt for threads) and never blocks; after {@code join} returns,
 * {@link #isAlive} is {@code false}.
 */
public interface ExecutionContext {

    /** A name for logs and plans, such as {@code orders/price#3}. */
    String name();

    /** The kind of context this is. */
    ContextKind kind();

    /** Starts {@code task}; an inline context runs it to completion before returning. */
    void execute(Runnable task);

    /** Waits until the task has ended. */
    void join() throws InterruptedException;

    /** Waits at most {@code millis} for the task to end; returns whether it has. */
    boolean join(long millis) throws InterruptedException;

    /** Whether the task is still running. */
    boolean isAlive();

    /** Asks the task to stop; returns at once. */
    void terminate();

    /** The operating-system process the task runs in, when that is not this JVM (a worker process). */
    default java.util.OptionalLong pid() {
        return java.util.OptionalLong.empty();
    }
}

package dev.minigun.process;

import dev.minigun.execution.ThreadBackedContext;

/**
 * The part of a shipped stage's context that is a platform thread of this JVM: it runs the core's
 * loop for the stage ({@link #execute}), can be joined and interrupted. What the thread does around
 * that loop (bind to a worker process, or to the stage's isolated copy of its code) is the
 * subclass's {@link #host}.
 */
abstract class ThreadHostedContext extends ThreadBackedContext {
    /** A context named {@code name} (like {@code orders/price#0}), its thread not started yet. */
    protected ThreadHostedContext(String name) {
        super(name);
    }

    /** Runs {@code task} (the core's loop) in this context's thread, with what the context needs around it. */
    protected abstract void host(Runnable task);

    @Override
    protected final Thread newThread(String threadName, Runnable task) {
        return Thread.ofPlatform().name(threadName).unstarted(() -> host(task));
    }
}

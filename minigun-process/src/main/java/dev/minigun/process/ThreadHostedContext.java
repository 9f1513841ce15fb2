package dev.minigun.process;

import dev.minigun.execution.ExecutionContext;

/**
 * The part of a shipped stage's context that is a platform thread of this JVM: it runs the core's
 * loop for the stage ({@link #execute}), can be joined and interrupted. What the thread does around
 * that loop (bind to a worker process, to the stage's isolated copy of its code, or to the cluster
 * that runs the stage in {@code minigun-hazelcast}) is the subclass's {@link #host}. Public for the
 * modules that ship stages elsewhere, like {@link ShippedStage}.
 */
public abstract class ThreadHostedContext implements ExecutionContext {
    private final String name;
    private volatile Thread thread;

    /** A context named {@code name} (like {@code orders/price#0}), its thread not started yet. */
    protected ThreadHostedContext(String name) {
        this.name = name;
    }

    /** Runs {@code task} (the core's loop) in this context's thread, with what the context needs around it. */
    protected abstract void host(Runnable task);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void execute(Runnable task) {
        Thread t;
        synchronized (this) {
            if (thread != null) {
                throw new IllegalStateException("context " + name + " already runs a task");
            }
            t = Thread.ofPlatform().name("minigun-" + name).unstarted(() -> host(task));
            thread = t;
        }
        t.start();
    }

    @Override
    public final void join() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    @Override
    public final boolean join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, millis));
        return !t.isAlive();
    }

    @Override
    public final boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public void terminate() {
        interruptThread();
    }

    /** Interrupts this context's thread, if it started. */
    protected final void interruptThread() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}

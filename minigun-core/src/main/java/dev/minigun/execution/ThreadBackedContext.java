package dev.minigun.execution;

import dev.minigun.ContextKind;

/**
 * The shared body of the contexts that run their task on a thread of their own: the core's platform
 * and virtual threads, and the threads of this JVM through which other modules reach a worker
 * process, an isolated copy of a stage ({@code minigun-process}) or a cluster ({@code
 * minigun-hazelcast}). Only how the thread is built differs; one task per context, joined and
 * interrupted the same way.
 */
public abstract class ThreadBackedContext implements ExecutionContext {
    private final String name;
    private volatile Thread thread;

    /** A context named {@code name} (like {@code orders/price#0}), its thread not started yet. */
    protected ThreadBackedContext(String name) {
        this.name = name;
    }

    /** Builds the (unstarted) thread named {@code threadName} that runs {@code task}. */
    protected abstract Thread newThread(String threadName, Runnable task);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public abstract ContextKind kind();

    @Override
    public final void execute(Runnable task) {
        Thread t;
        synchronized (this) {
            if (thread != null) {
                throw new IllegalStateException("context " + name + " already runs a task");
            }
            t = newThread("minigun-" + name, task);
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

    /** Interrupts this context's thread, if it started. */
    @Override
    public void terminate() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}

package dev.minigun.execution;

import dev.minigun.ContextKind;

/**
 * The shared body of the contexts that run their task on a thread of their own, platform or
 * virtual; only how the thread is built differs.
 */
abstract sealed class ThreadBackedContext implements ExecutionContext permits ThreadContext, VirtualContext {
    private final String name;
    private volatile Thread thread;

    ThreadBackedContext(String name) {
        this.name = name;
    }

    /** Builds the (unstarted) thread that runs {@code task}. */
    abstract Thread newThread(String threadName, Runnable task);

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

    @Override
    public final void terminate() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}

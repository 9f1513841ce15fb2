package dev.minigun.process;

import dev.minigun.execution.ExecutionContext;

/**
 * The part of this module's contexts that is a platform thread of the parent: it runs the core's
 * loop for the stage ({@link #execute}), can be joined and interrupted. What the thread does around
 * that loop (bind to a worker process, or to the stage's isolated copy of its code) is the
 * subclass's {@link #host}.
 */
abstract sealed class ThreadHostedContext implements ExecutionContext permits ProcessContext, IsolatedContext {
    private final String name;
    private volatile Thread thread;

    ThreadHostedContext(String name) {
        this.name = name;
    }

    /** Runs {@code task} (the core's loop) in this context's thread, with what the context needs around it. */
    abstract void host(Runnable task);

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
    final void interruptThread() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}

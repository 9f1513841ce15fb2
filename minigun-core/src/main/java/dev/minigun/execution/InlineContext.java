package dev.minigun.execution;

import dev.minigun.ContextKind;

/**
 * Runs its task in the thread that calls {@link #execute}, to completion: no thread is started, so
 * a pipeline of inline stages is deterministic, which is what tests use. Terminating it interrupts
 * the caller while the task runs, and never once it has returned.
 */
final class InlineContext implements ExecutionContext {
    private final String name;
    /** Under this context's lock, so that terminate() cannot interrupt a caller the task has returned to. */
    private Thread runner;

    private boolean used;

    InlineContext(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ContextKind kind() {
        return ContextKind.INLINE;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (used) {
                throw new IllegalStateException("context " + name + " already ran a task");
            }
            used = true;
            runner = Thread.currentThread();
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                runner = null;
            }
        }
    }

    @Override
    public void join() {}

    @Override
    public boolean join(long millis) {
        return true;
    }

    @Override
    public synchronized boolean isAlive() {
        return runner != null;
    }

    @Override
    public synchronized void terminate() {
        if (runner != null) {
            runner.interrupt();
        }
    }
}

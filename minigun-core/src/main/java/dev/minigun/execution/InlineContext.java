package dev.minigun.execution;

import dev.minigun.ContextKind;

/**
 * Runs its task in the thread that calls {@link #execute}, to completion: no thread is started, so
 * a pipeline of inline stages is deterministic, which is what tests use. Terminating it interrupts
 * the caller while the task runs.
 */
final class InlineContext implements ExecutionContext {
    private final String name;
    private volatile Thread runner;
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
        }
        runner = Thread.currentThread();
        try {
            task.run();
        } finally {
            runner = null;
        }
    }

    @Override
    public void join() {}

    @Override
    public boolean join(long millis) {
        return true;
    }

    @Override
    public boolean isAlive() {
        return runner != null;
    }

    @Override
    public void terminate() {
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }
}

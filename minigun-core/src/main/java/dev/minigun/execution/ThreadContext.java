package dev.minigun.execution;

import dev.minigun.ContextKind;

/** A platform thread of its own: for CPU-bound stages and stages that must not share a carrier. */
final class ThreadContext extends ThreadBackedContext {

    ThreadContext(String name) {
        super(name);
    }

    @Override
    protected Thread newThread(String threadName, Runnable task) {
        return Thread.ofPlatform().name(threadName).unstarted(task);
    }

    @Override
    public ContextKind kind() {
        return ContextKind.THREAD;
    }
}

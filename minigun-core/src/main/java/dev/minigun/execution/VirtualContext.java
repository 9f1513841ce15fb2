package dev.minigun.execution;

import dev.minigun.ContextKind;

/** A virtual thread of its own: cheap enough for thousands, the home of blocking I/O stages. */
final class VirtualContext extends ThreadBackedContext {

    VirtualContext(String name) {
        super(name);
    }

    @Override
    protected Thread newThread(String threadName, Runnable task) {
        return Thread.ofVirtual().name(threadName).unstarted(task);
    }

    @Override
    public ContextKind kind() {
        return ContextKind.VIRTUAL;
    }
}

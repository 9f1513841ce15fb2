package dev.minigun.hazelcast;

import dev.minigun.ContextKind;
import dev.minigun.execution.ThreadBackedContext;

/**
 * One context of a {@code cluster(n)} stage: a thread of the coordinator that runs the core's loop
 * for the stage, sending each batch it takes to the members ({@link ClusterStage#call}) and waiting
 * for it. The work runs on the members; this thread only waits, so {@code n} of them cost little.
 * {@link #terminate} interrupts it, which abandons the batch it waits for.
 */
final class ClusterContext extends ThreadBackedContext {

    ClusterContext(String name) {
        super(name);
    }

    @Override
    public ContextKind kind() {
        return ContextKind.CLUSTER;
    }

    @Override
    protected Thread newThread(String threadName, Runnable task) {
        return Thread.ofPlatform().name(threadName).unstarted(task);
    }
}

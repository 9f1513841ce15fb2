package dev.minigun.execution;

import dev.minigun.Emitter;

/**
 * One stage prepared by a {@link ContextProvider} for one run. The orchestrator asks it for the
 * stage's contexts (one per worker: a worker JVM and the parent thread that talks to it, say) and
 * runs the stage's usual loop on each; that loop hands every item to {@link #call} from the
 * context's own thread, and everything else — queues, error policies, accounting, end of stream —
 * stays in the core.
 */
public interface RemoteStage extends AutoCloseable {

    /** A new context for this stage, named like {@code orders/price#0}; counts against the kind's limit. */
    ExecutionContext newContext(String name);

    /**
     * Runs the stage's code on {@code item} in the worker of the calling context, then emits what it
     * emitted into {@code out}, in the calling thread, in order, only once the worker has finished
     * the item (so a worker that dies midway never leaves half its results downstream). Returns
     * {@code false} when a filter dropped the item. Throws what the stage's code threw, with the
     * remote stack trace, so the stage's error policy applies as for any other stage.
     */
    boolean call(Object item, Emitter<Object> out) throws Exception;

    /** Stops every worker of the stage and frees what they hold; safe to call more than once. */
    @Override
    void close();
}

package dev.minigun.execution;

import java.util.List;

/**
 * One stage prepared by a {@link ContextProvider} for one run. The orchestrator asks it for the
 * stage's contexts (one per worker: a worker JVM and the parent thread that talks to it, say) and
 * runs a loop on each that drains a batch of items from the stage's queue and hands it to
 * {@link #call} from the context's own thread; everything else — queues, error policies,
 * accounting, end of stream — stays in the core.
 */
public interface RemoteStage extends AutoCloseable {

    /** A new context for this stage, named like {@code orders/price#0}; counts against the kind's limit. */
    ExecutionContext newContext(String name);

    /**
     * Runs the stage's code on {@code items}, in order, in the worker of the calling context, and
     * returns one outcome per item. Nothing of a batch comes back until the worker has finished all
     * of it, so a worker that dies midway never leaves half its results downstream: the provider
     * restarts it and sends the batch again (or, past its restart limit, throws). Throws
     * {@link InterruptedException} when the calling context is stopped.
     */
    List<RemoteOutcome> call(List<Object> items) throws Exception;

    /**
     * Where the stage's batches run now, when that is not one worker per context (the members of a
     * cluster), with what each has done; empty by default. Still answers after {@link #close}.
     */
    default List<dev.minigun.HostInfo> hosts() {
        return List.of();
    }

    /** Stops every worker of the stage and frees what they hold; safe to call more than once. */
    @Override
    void close();
}

package dev.minigun;

import java.time.Duration;

/**
 * A run started with {@link Pipeline#start()}: wait for it, look at it while it runs, or cancel it.
 * Cancelling stops every context (threads are interrupted, queues are aborted) and then
 * {@link #await()} throws a {@link PipelineException} that carries the partial report.
 */
public interface Running {

    /** Waits for the run to end; returns its report, or throws the {@link PipelineException} that ended it. */
    RunReport await();

    /** Waits at most {@code timeout}; returns whether the run has ended. */
    boolean await(Duration timeout);

    /** Asks the run to stop; returns at once. */
    void cancel();

    /** A live snapshot of what every stage has done so far. */
    RunReport stats();

    /** The contexts the run has started, with their kind, whether they still run, and their process. */
    java.util.List<ContextInfo> contexts();

    /** Where the stages that run elsewhere run their batches (cluster members), with their rates; empty if none. */
    default java.util.List<HostInfo> hosts() {
        return java.util.List.of();
    }

    /** Whether the run has ended, whatever the outcome. */
    boolean isDone();
}

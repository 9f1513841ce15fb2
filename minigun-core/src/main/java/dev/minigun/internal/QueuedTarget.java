package dev.minigun.internal;

import dev.minigun.PipelineException;

/**
 * A stage that owns contexts: the sender puts the item in its bounded queue, which counts it as work
 * in flight for termination detection until the stage has finished with it.
 *
 * @param stage the receiving stage's name
 * @param channel its input queue
 * @param control the run's shared state
 * @param upstream whether this is the static edge from the stage's upstream (which may own a
 *     single-sender queue, see {@link Channel#putAsUpstream}), not an {@code emitTo} or a dead letter
 */
public record QueuedTarget(String stage, Channel channel, RunControl control, boolean upstream) implements Target {
    @Override
    public void accept(Object item, StageCounters sender) {
        try {
            if (upstream) {
                channel.putAsUpstream(item);
            } else {
                channel.put(item);
            }
            sender.delivered.increment();
        } catch (InterruptedException e) {
            if (control.isCancelled()) {
                throw new RunCancelledException();
            }
            Thread.currentThread().interrupt();
            throw new PipelineException(stage, "interrupted while waiting for room in the queue of '" + stage + "'", e);
        }
    }
}

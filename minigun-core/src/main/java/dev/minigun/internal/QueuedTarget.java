package dev.minigun.internal;

import dev.minigun.PipelineException;

/**
 * A stage that owns contexts: the sender puts the item in its bounded queue, counting it as work in
 * flight for termination detection until the stage has finished with it.
 *
 * @param stage the receiving stage's name
 * @param channel its input queue
 * @param quiescence the run's termination detector
 * @param control the run's shared state
 */
public record QueuedTarget(String stage, Channel channel, Quiescence quiescence, RunControl control) implements Target {
    @Override
    public void accept(Object item, StageCounters sender) {
        quiescence.enter();
        try {
            channel.put(item);
            sender.delivered.increment();
        } catch (InterruptedException e) {
            quiescence.exit();
            if (control.isCancelled()) {
                throw new RunCancelledException();
            }
            Thread.currentThread().interrupt();
            throw new PipelineException(stage, "interrupted while waiting for room in the queue of '" + stage + "'", e);
        } catch (RuntimeException e) {
            quiescence.exit();
            throw e;
        }
    }
}

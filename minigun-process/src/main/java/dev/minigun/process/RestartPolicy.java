package dev.minigun.process;

import java.time.Duration;

/**
 * How often a context restarts a worker that died before giving up, and how long it waits first
 * (doubling each time), as the pipeline's {@code config().workerRestarts(max, backoff)} says
 * (default 5 restarts per context, 100 ms).
 *
 * @param maxRestarts restarts allowed per context over a run
 * @param backoff the wait before the first restart
 */
record RestartPolicy(int maxRestarts, Duration backoff) {

    static RestartPolicy of(dev.minigun.execution.StageGraph graph) {
        return new RestartPolicy(graph.workerRestarts(), graph.workerRestartBackoff());
    }

    /** The wait before restart number {@code n} (1-based): the backoff, doubled for each earlier restart, at most 64x. */
    Duration delayBefore(int n) {
        return backoff.multipliedBy(1L << Math.min(n - 1, 6));
    }
}

package dev.minigun.process;

import java.time.Duration;

/**
 * How often a context restarts a worker that died before giving up, and how long it waits first
 * (doubling each time). Read from the system properties {@code minigun.process.maxRestarts}
 * (default 5 per context) and {@code minigun.process.restartBackoff} (milliseconds, default 100)
 * until the pipeline's config carries them.
 *
 * @param maxRestarts restarts allowed per context over a run
 * @param backoff the wait before the first restart
 */
record RestartPolicy(int maxRestarts, Duration backoff) {

    static RestartPolicy fromSystemProperties() {
        return new RestartPolicy(
                Integer.getInteger("minigun.process.maxRestarts", 5),
                Duration.ofMillis(Long.getLong("minigun.process.restartBackoff", 100)));
    }

    /** The wait before restart number {@code n} (1-based): the backoff, doubled for each earlier restart, at most 64x. */
    Duration delayBefore(int n) {
        return backoff.multipliedBy(1L << Math.min(n - 1, 6));
    }
}

package dev.minigun.internal;

/**
 * What a worker of an adaptive pool ({@code Exec.threads(min, max)}) asks its pool: how long to wait
 * for an item before offering to leave, whether it may leave now (only while the pool is above its
 * minimum), and when it is busy, so the pool can tell a busy pool from an idle one.
 */
public interface Elastic {
    /** How long a worker waits for an item before it offers to leave, in nanoseconds. */
    long idleNanos();

    /** Whether the calling worker, idle for {@link #idleNanos()}, leaves the pool now (it then ends). */
    boolean mayLeave();

    /** The calling worker took an item. */
    void busy();

    /** The calling worker is done with its item. */
    void idle();
}

package dev.minigun.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the {@code beforeStage} hooks of one context group (a stage and the stages colocated in its
 * context) exactly once, in that group's context, before any of its contexts handles an item: the
 * first context to arrive runs them, the others wait for it. A pool of eight threads thus runs the
 * hooks once, not eight times.
 */
public final class StartGate {
    private final Runnable hooks;
    private final RunControl control;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    /** A gate that runs {@code hooks} (which report their own failures to {@code control}). */
    public StartGate(Runnable hooks, RunControl control) {
        this.hooks = hooks;
        this.control = control;
    }

    /** Runs or waits for the hooks; returns whether the caller may start handling items. */
    public boolean pass() {
        if (claimed.compareAndSet(false, true)) {
            try {
                hooks.run();
            } finally {
                done.countDown();
            }
        } else {
            try {
                done.await();
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !control.isCancelled();
    }
}

package dev.minigun.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for something no latch can announce (a thread or a process to end, a pool to grow): checks
 * a condition every 10 ms until it holds or a generous bound has passed. The bound is a ceiling, not
 * a pace: a test never waits longer than its condition takes, and fails plainly when it never holds.
 */
public final class Eventually {
    private Eventually() {}

    /** Whether {@code condition} held within {@code timeout}. */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(10_000_000);
        }
        return true;
    }
}

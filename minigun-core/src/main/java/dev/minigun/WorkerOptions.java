package dev.minigun;

import java.util.List;

/**
 * How the workers of a stage on {@link Exec#processes} live: recycled after a number of items (1 is
 * the honest analog of a fork per item: the JVM cannot fork, so each item gets a fresh worker
 * process instead), and the hooks that run inside each one when it starts and stops.
 *
 * @param recycleAfter replace each worker after this many items; 0 never
 * @param onStart hooks run inside each worker when it starts
 * @param onStop hooks run inside each worker when it stops
 */
public record WorkerOptions(int recycleAfter, List<WorkerHook> onStart, List<WorkerHook> onStop) {
    /** No recycling, no hooks. */
    public static final WorkerOptions NONE = new WorkerOptions(0, List.of(), List.of());

    /** Copies the lists. */
    public WorkerOptions {
        onStart = List.copyOf(onStart);
        onStop = List.copyOf(onStop);
    }

    /** Whether anything differs from {@link #NONE}. */
    public boolean isSet() {
        return recycleAfter != 0 || !onStart.isEmpty() || !onStop.isEmpty();
    }
}

package dev.minigun.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The items a benchmark moved, which JMH reports as a rate next to the runs per second: its
 * secondary metric {@code items} is items/s. An invocation is one whole run (setup, every item,
 * end of stream), and how many items a run moves depends on the per-item cost, so the items
 * cannot be a fixed {@code @OperationsPerInvocation}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Items {
    /** Items moved in this iteration. */
    public long items;

    /** Counts from zero in each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
        items = 0;
    }
}

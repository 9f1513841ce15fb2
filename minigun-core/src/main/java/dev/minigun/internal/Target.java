package dev.minigun.internal;

/**
 * How an item reaches a stage: by a direct call in the sender's thread (a colocated stage), or
 * through the stage's bounded queue. The two are the only ways, so an outlet never needs to know
 * which kind of context is on the other side.
 */
public sealed interface Target permits DirectTarget, QueuedTarget {

    /** The receiving stage's name. */
    String stage();

    /**
     * Hands {@code item} to the stage, counting the delivery in {@code sender}'s counters exactly
     * when the receiver has it (so a cancel in the middle never leaves a delivery uncounted or
     * counted twice); blocks while the stage's queue is full.
     */
    void accept(Object item, StageCounters sender);
}

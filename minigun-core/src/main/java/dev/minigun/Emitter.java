package dev.minigun;

/**
 * Where a stage's code sends its results. {@link #emit} follows the static edges of the DAG and the
 * stage's {@link Routing}; {@link #emitTo} sends one item to a stage by name, whatever the DAG says
 * (the ancestor's {@code emit_to_stage}). Both block while the receiving queue is full: that is the
 * backpressure that keeps a run's memory bounded.
 *
 * <p>Items are handed on by reference inside one JVM: emit immutable values (records), because a
 * broadcast gives the same object to every branch.
 *
 * @param <T> the type of the items this stage emits
 */
public interface Emitter<T> {
    /** Sends {@code item} downstream. */
    void emit(T item);

    /**
     * Sends {@code item} to the stage named {@code stage}: an exact name first, then a unique short
     * name (the part after the last {@code /} of a fragment's scoped name). An unknown or ambiguous
     * name fails the item being processed, with a message naming {@code stage}.
     */
    void emitTo(String stage, Object item);

    /**
     * Declares how many items this producer will emit in all, when it knows: progress views show a
     * percentage and an estimated time to completion. Optional; only a producer's declaration counts.
     */
    default void expect(long total) {}
}

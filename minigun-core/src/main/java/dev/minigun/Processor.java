package dev.minigun;

import java.io.Serializable;

/**
 * The user's code of a processing stage: receives one item and emits zero, one or many results.
 * Emitting nothing is fine (the item then counts as completed, not filtered). It may throw: the
 * item then fails at this stage and the stage's {@link ErrorPolicy} decides what follows.
 *
 * @param <I> the type of the items it receives
 * @param <O> the type of the items it emits
 */
@FunctionalInterface
public interface Processor<I, O> extends Serializable {
    /** Processes {@code item}, emitting results into {@code out}. */
    void process(I item, Emitter<O> out) throws Exception;
}

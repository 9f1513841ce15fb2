package dev.minigun;

import java.io.Serializable;

/**
 * A one-to-one function over items, used by {@link Stage#map} and as the key of
 * {@link Routing#byKey}. Like every user function it may throw and is {@link Serializable}.
 *
 * @param <I> the input type
 * @param <O> the result type
 */
@FunctionalInterface
public interface ItemFunction<I, O> extends Serializable {
    /** Computes the result for {@code item}. */
    O apply(I item) throws Exception;
}

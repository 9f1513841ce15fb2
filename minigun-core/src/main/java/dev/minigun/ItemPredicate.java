package dev.minigun;

import java.io.Serializable;

/**
 * A test over items, used by {@link Stage#filter}: an item for which it returns {@code false}
 * counts as filtered, so the run report still accounts for it.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemPredicate<T> extends Serializable {
    /** Whether {@code item} passes on downstream. */
    boolean test(T item) throws Exception;
}

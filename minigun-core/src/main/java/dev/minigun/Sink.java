package dev.minigun;

import java.io.Serializable;

/**
 * The user's code of a consumer: the end of a path. Each item it returns from without throwing
 * counts as consumed; one that throws counts as failed at this stage.
 *
 * @param <I> the type of the items it receives
 */
@FunctionalInterface
public interface Sink<I> extends Serializable {
    /** Consumes {@code item}. */
    void consume(I item) throws Exception;
}

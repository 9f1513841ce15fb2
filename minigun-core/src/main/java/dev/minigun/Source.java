package dev.minigun;

import java.io.Serializable;

/**
 * The user's code of a producer: emits every item of the run, then returns. It runs once per run
 * in its own context. It may throw: the run then fails with the producer's name. It is
 * {@link Serializable} so that it can be shipped to a worker process, as Hazelcast Jet and Flink
 * ship lambdas; a lambda that captures non-serializable state can still run in-process.
 *
 * @param <T> the type of the items it emits
 */
@FunctionalInterface
public interface Source<T> extends Serializable {
    /** Emits the items of the run into {@code out}; {@link Emitter#emit} blocks while downstream is full. */
    void produce(Emitter<T> out) throws Exception;
}

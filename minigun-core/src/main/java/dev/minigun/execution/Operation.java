package dev.minigun.execution;

import dev.minigun.ItemFunction;
import dev.minigun.ItemPredicate;
import dev.minigun.Processor;
import dev.minigun.Sink;
import dev.minigun.Source;
import java.time.Duration;
import java.util.Optional;

/**
 * What a stage does with its items: the closed set of stage operations the DSL can build. The plan
 * reads it (an accumulator changes the affinity of what follows it), the orchestrator turns it into
 * a runtime, and a worker module ships it.
 */
public sealed interface Operation {

    /** A short lowercase name for plans and reports: {@code producer}, {@code map}, ... */
    String label();

    /** Whether this operation starts a path: it has no input. */
    default boolean isProducer() {
        return this instanceof Produce;
    }

    /** Whether this operation ends a path: it emits nothing. */
    default boolean isSink() {
        return this instanceof Consume;
    }

    /** Whether this operation accumulates items and emits them later. */
    default boolean isAccumulator() {
        return this instanceof Batch;
    }

    /** Emits the items of a run. */
    record Produce(Source<?> source) implements Operation {
        @Override
        public String label() {
            return "producer";
        }
    }

    /** Emits zero or more results per item. */
    record Process(Processor<?, ?> processor) implements Operation {
        @Override
        public String label() {
            return "process";
        }
    }

    /** Emits one result per item. */
    record Map(ItemFunction<?, ?> function) implements Operation {
        @Override
        public String label() {
            return "map";
        }
    }

    /** Passes on the items that satisfy a predicate and counts the others as filtered. */
    record Filter(ItemPredicate<?> predicate) implements Operation {
        @Override
        public String label() {
            return "filter";
        }
    }

    /**
     * Groups items into lists of {@code size}; the last partial list is flushed at end of stream,
     * and, with a {@code maxWait}, a partial list is flushed once its first item has waited that long.
     */
    record Batch(int size, Optional<Duration> maxWait) implements Operation {
        @Override
        public String label() {
            return "batch";
        }
    }

    /** Passes on the items of several upstreams (fan-in). */
    record Merge() implements Operation {
        @Override
        public String label() {
            return "merge";
        }
    }

    /** Ends a path. */
    record Consume(Sink<?> sink) implements Operation {
        @Override
        public String label() {
            return "consumer";
        }
    }
}

package dev.minigun;

/**
 * How a stage with several downstream branches splits its output. {@link #broadcast()} (the
 * default) hands every item to every branch; {@link #roundRobin()} hands each item to one branch
 * in turn; {@link #byKey} hands items with equal keys to the same branch, so per-key state can live
 * in one branch.
 */
public sealed interface Routing {

    /** Every item to every branch (the same object: emit immutable items). */
    static Routing broadcast() {
        return Broadcast.INSTANCE;
    }

    /** Each item to one branch, in turn. */
    static Routing roundRobin() {
        return RoundRobin.INSTANCE;
    }

    /**
     * Each item to the branch chosen by its key's hash: equal keys, same branch. The key function
     * should be cheap and must not return {@code null}.
     */
    @SuppressWarnings("unchecked")
    static <T> Routing byKey(ItemFunction<? super T, ?> key) {
        if (key == null) {
            throw new PipelineDefinitionException(null, "Routing.byKey needs a key function");
        }
        return new ByKey((ItemFunction<Object, ?>) key);
    }

    /** Every item to every branch. */
    enum Broadcast implements Routing {
        INSTANCE;

        @Override
        public String toString() {
            return "broadcast";
        }
    }

    /** Each item to one branch, in turn. */
    enum RoundRobin implements Routing {
        INSTANCE;

        @Override
        public String toString() {
            return "round-robin";
        }
    }

    /**
     * Items with equal keys to the same branch.
     *
     * @param key computes an item's key
     */
    record ByKey(ItemFunction<Object, ?> key) implements Routing {
        @Override
        public String toString() {
            return "by-key";
        }
    }
}

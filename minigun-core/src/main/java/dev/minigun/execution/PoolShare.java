package dev.minigun.execution;

import dev.minigun.ContextKind;
import java.util.Map;

/**
 * How one global limit is divided among the stages that need contexts of that kind. When the
 * stages ask for no more than the limit, each gets what it asked; otherwise each gets at least one
 * and the rest is shared in proportion to what they asked beyond one.
 *
 * @param kind the kind of context
 * @param limit the pipeline's global limit for it ({@code maxThreads}, ...)
 * @param demand how many contexts the stages asked for in all
 * @param granted how many each stage got, in definition order
 */
public record PoolShare(ContextKind kind, int limit, long demand, Map<String, Integer> granted) {

    /** Copies the map, keeping its order. */
    public PoolShare {
        granted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(granted));
    }

    /** Whether the stages asked for more than the limit, so their pools were cut to share it. */
    public boolean shared() {
        return demand > limit;
    }

    /** How many contexts the stages got in all (never more than the limit). */
    public int total() {
        return granted.values().stream().mapToInt(Integer::intValue).sum();
    }
}

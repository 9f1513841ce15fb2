package dev.minigun.execution;

import dev.minigun.ContextKind;
import java.util.Map;

/**
 * How one global limit is divided among the stages that need contexts of that kind. When the
 * stages ask for no more than the limit, each gets what it asked; otherwise each gets at least one
 * (no stage starves), and the rest goes to the highest priority first, up to what its stages asked
 * beyond one, then to the next priority, and so on; stages of the same priority that cannot all get
 * what they asked share what is left in proportion to what they asked beyond one. An adaptive pool
 * ({@code Exec.threads(min, max)}) asks for its {@code min} here; it grows at run time only into
 * contexts no other stage holds.
 *
 * @param kind the kind of context
 * @param limit the pipeline's global limit for it ({@code maxThreads}, ...)
 * @param demand how many contexts the stages asked for in all
 * @param granted how many each stage got, in definition order
 * @param priorities the priority of each stage, in definition order
 */
public record PoolShare(
        ContextKind kind, int limit, long demand, Map<String, Integer> granted, Map<String, Integer> priorities) {

    /** Copies the maps, keeping their order. */
    public PoolShare {
        granted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(granted));
        priorities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(priorities));
    }

    /** Whether any stage sharing this limit has a priority other than 0. */
    public boolean prioritized() {
        return priorities.values().stream().anyMatch(p -> p != 0);
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

package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import dev.minigun.ItemFunction;

/** Runs an {@link ItemFunction}: one result per item. */
public final class MapNode extends StageNode {
    private final ItemFunction<Object, Object> function;

    /** The runtime of a map stage. */
    @SuppressWarnings("unchecked")
    public MapNode(
            String name, ItemFunction<?, ?> function, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
        this.function = (ItemFunction<Object, Object>) function;
    }

    @Override
    void handle(Object item) throws Exception {
        out.emit(function.apply(item));
        counters.completed.increment();
    }
}

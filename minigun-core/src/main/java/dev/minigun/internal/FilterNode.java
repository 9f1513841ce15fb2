package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import dev.minigun.ItemPredicate;

/** Runs an {@link ItemPredicate}: passes an item on, or counts it as filtered. */
public final class FilterNode extends StageNode {
    private final ItemPredicate<Object> predicate;

    /** The runtime of a filter stage. */
    @SuppressWarnings("unchecked")
    public FilterNode(
            String name, ItemPredicate<?> predicate, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
        this.predicate = (ItemPredicate<Object>) predicate;
    }

    @Override
    void handle(Object item) throws Exception {
        if (predicate.test(item)) {
            out.emit(item);
            counters.completed.increment();
        } else {
            counters.filtered.increment();
        }
    }
}

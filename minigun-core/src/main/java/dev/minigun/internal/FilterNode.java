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

    // Overridden here, not inherited, so that the call to the next stage below is this class's own;
    // and written out twice, so that the counted path's compiled code carries no timing code (see
    // "Fused chains" in StageNode).
    @Override
    void acceptCounted(Object item) {
        try {
            if (!predicate.test(item)) {
                counters.filtered.increment();
                return;
            }
            StageNode n = next;
            if (n != null) {
                counters.handedOn.increment();
                n.acceptCounted(item);
            } else {
                out.emit(item);
            }
            counters.completed.increment();
        } catch (Throwable t) {
            continueFailed(item, t);
        }
    }

    @Override
    void acceptTimed(Object item) {
        long start = System.nanoTime();
        try {
            if (predicate.test(item)) {
                StageNode n = next;
                if (n != null) {
                    counters.handedOn.increment();
                    n.acceptTimed(item);
                } else {
                    out.emit(item);
                }
                counters.completed.increment();
            } else {
                counters.filtered.increment();
            }
        } catch (Throwable t) {
            continueFailed(item, t);
        }
        timed(start);
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

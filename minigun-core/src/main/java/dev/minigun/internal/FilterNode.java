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
        counters.settlesUncounted();
    }

    // Overridden here, not inherited, so that the call to the next stage below is this class's own;
    // and written out twice, so that the counted path's compiled code carries no timing code (see
    // "Fused chains" in StageNode). An item handed to the next stage is counted by nobody here (see
    // StageCounters#totals), and the call is outside the try (see MapNode).
    @Override
    void acceptCounted(Object item) {
        boolean pass;
        try {
            pass = predicate.test(item);
        } catch (Throwable t) {
            continueFailed(item, t);
            return;
        }
        StageNode n = next;
        if (!pass) {
            counters.filtered.increment();
        } else if (n != null) {
            n.acceptCounted(item);
        } else {
            emitCompleted(item, item);
        }
    }

    @Override
    void acceptTimed(Object item) {
        long start = System.nanoTime();
        boolean pass;
        try {
            pass = predicate.test(item);
        } catch (Throwable t) {
            continueFailed(item, t);
            timed(start);
            return;
        }
        StageNode n = next;
        if (!pass) {
            counters.filtered.increment();
        } else if (n != null) {
            n.acceptTimed(item);
        } else {
            emitCompleted(item, item);
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

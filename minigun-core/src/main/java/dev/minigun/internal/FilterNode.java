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

    // Overridden here, not inherited, so that the call to the next stage below is this class's own
    // (see "Fused chains" in StageNode).
    @Override
    void acceptCounted(Object item) {
        go(item, false);
    }

    @Override
    void acceptTimed(Object item) {
        go(item, true);
    }

    private void go(Object item, boolean timed) {
        long start = timed ? System.nanoTime() : 0;
        try {
            filter(item, timed);
        } catch (Throwable t) {
            continueFailed(item, t);
        }
        if (timed) {
            timed(start);
        }
    }

    @Override
    void handle(Object item) throws Exception {
        filter(item, false);
    }

    private void filter(Object item, boolean timed) throws Exception {
        if (!predicate.test(item)) {
            counters.filtered.increment();
            return;
        }
        StageNode n = next;
        if (n != null) {
            counters.handedOn.increment();
            if (timed) {
                n.acceptTimed(item);
            } else {
                n.acceptCounted(item);
            }
        } else {
            out.emit(item);
        }
        counters.completed.increment();
    }
}

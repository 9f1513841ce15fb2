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
        counters.settlesUncounted();
    }

    // Overridden here, not inherited, so that the call to the next stage below is this class's own;
    // and written out twice, so that the counted path's compiled code carries no timing code (see
    // "Fused chains" in StageNode). An item handed to the next stage is counted by nobody here (see
    // StageCounters#totals); the call is outside the try, as a stage that has handed an item
    // on has done its part, whatever happens to the item further down.
    @Override
    void acceptCounted(Object item) {
        Object result;
        try {
            result = function.apply(item);
        } catch (Throwable t) {
            continueFailed(item, t);
            return;
        }
        StageNode n = next;
        if (n != null && result != null) {
            n.acceptCounted(result);
        } else {
            emitCompleted(item, result);
        }
    }

    @Override
    void acceptTimed(Object item) {
        long start = System.nanoTime();
        Object result;
        try {
            result = function.apply(item);
        } catch (Throwable t) {
            continueFailed(item, t);
            timed(start);
            return;
        }
        StageNode n = next;
        if (n != null && result != null) {
            n.acceptTimed(result);
        } else {
            emitCompleted(item, result);
        }
        timed(start);
    }

    @Override
    void handle(Object item) throws Exception {
        out.emit(function.apply(item));
        counters.completed.increment();
    }
}

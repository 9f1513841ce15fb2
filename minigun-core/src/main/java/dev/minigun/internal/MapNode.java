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

    // Overridden here, not inherited, so that the call to the next stage below is this class's own;
    // and written out twice, so that the counted path's compiled code carries no timing code (see
    // "Fused chains" in StageNode).
    @Override
    void acceptCounted(Object item) {
        try {
            Object result = function.apply(item);
            StageNode n = next;
            if (n != null && result != null) {
                counters.handedOn.increment();
                n.acceptCounted(result);
            } else {
                out.emit(result);
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
            Object result = function.apply(item);
            StageNode n = next;
            if (n != null && result != null) {
                counters.handedOn.increment();
                n.acceptTimed(result);
            } else {
                out.emit(result);
            }
            counters.completed.increment();
        } catch (Throwable t) {
            continueFailed(item, t);
        }
        timed(start);
    }

    @Override
    void handle(Object item) throws Exception {
        out.emit(function.apply(item));
        counters.completed.increment();
    }
}

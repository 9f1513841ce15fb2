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
            map(item, timed);
        } catch (Throwable t) {
            continueFailed(item, t);
        }
        if (timed) {
            timed(start);
        }
    }

    @Override
    void handle(Object item) throws Exception {
        map(item, false);
    }

    private void map(Object item, boolean timed) throws Exception {
        Object result = function.apply(item);
        StageNode n = next;
        if (n != null && result != null) {
            counters.handedOn.increment();
            if (timed) {
                n.acceptTimed(result);
            } else {
                n.acceptCounted(result);
            }
        } else {
            out.emit(result);
        }
        counters.completed.increment();
    }
}

package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import dev.minigun.Sink;

/** Runs a {@link Sink}: the end of a path. */
public final class SinkNode extends StageNode {
    private final Sink<Object> sink;

    /** The runtime of a consumer stage. */
    @SuppressWarnings("unchecked")
    public SinkNode(String name, Sink<?> sink, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
        this.sink = (Sink<Object>) sink;
        counters.settlesUncounted();
    }

    // Overridden here, not inherited, so that the call to the sink below is this class's own;
    // and written out twice, so that the counted path's compiled code carries no timing code (see
    // "Fused chains" in StageNode). An item consumed here is counted by nobody (see
    // StageCounters#totals).
    @Override
    void acceptCounted(Object item) {
        try {
            sink.consume(item);
        } catch (Throwable t) {
            continueFailed(item, t);
        }
    }

    @Override
    void acceptTimed(Object item) {
        long start = System.nanoTime();
        try {
            sink.consume(item);
        } catch (Throwable t) {
            continueFailed(item, t);
        }
        timed(start);
    }

    @Override
    void handle(Object item) throws Exception {
        sink.consume(item);
        counters.completed.increment();
    }
}

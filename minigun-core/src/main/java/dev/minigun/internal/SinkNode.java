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
    }

    @Override
    void handle(Object item) throws Exception {
        sink.consume(item);
        counters.completed.increment();
    }
}

package dev.minigun.internal;

import dev.minigun.ErrorPolicy;

/** Passes on the items of several upstreams (fan-in). */
public final class MergeNode extends StageNode {

    /** The runtime of a merge stage. */
    public MergeNode(String name, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
    }

    @Override
    void handle(Object item) {
        out.emit(item);
        counters.completed.increment();
    }
}

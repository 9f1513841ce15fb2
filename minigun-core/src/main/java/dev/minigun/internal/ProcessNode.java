package dev.minigun.internal;

import dev.minigun.Emitter;
import dev.minigun.ErrorPolicy;
import dev.minigun.Processor;

/** Runs a {@link Processor}: any number of results per item. */
public final class ProcessNode extends StageNode {
    private final Processor<Object, Object> processor;

    /** The runtime of a process stage. */
    @SuppressWarnings("unchecked")
    public ProcessNode(
            String name, Processor<?, ?> processor, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
        this.processor = (Processor<Object, Object>) processor;
    }

    @Override
    void handle(Object item) throws Exception {
        Emitter<Object> emitter = out;
        processor.process(item, emitter);
        counters.completed.increment();
    }
}

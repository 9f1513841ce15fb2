package dev.minigun.internal;

import dev.minigun.Emitter;
import dev.minigun.ErrorPolicy;
import dev.minigun.Processor;
import java.util.ArrayList;
import java.util.List;

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
        if (policy() instanceof ErrorPolicy.Retry) {
            // What a failed attempt emitted must not reach downstream twice: hold it until the attempt succeeds.
            Attempt attempt = new Attempt(out);
            processor.process(item, attempt);
            attempt.release();
        } else {
            processor.process(item, out);
        }
        counters.completed.increment();
    }

    /** The emissions of one attempt, released downstream only once the attempt has succeeded. */
    private static final class Attempt implements Emitter<Object> {
        private final Outlet out;
        private final List<Object[]> held = new ArrayList<>();

        Attempt(Outlet out) {
            this.out = out;
        }

        @Override
        public void emit(Object item) {
            held.add(new Object[] {null, item});
        }

        @Override
        public void emitTo(String stage, Object item) {
            out.checkTarget(stage);
            held.add(new Object[] {stage, item});
        }

        void release() {
            for (Object[] e : held) {
                if (e[0] == null) {
                    out.emit(e[1]);
                } else {
                    out.emitTo((String) e[0], e[1]);
                }
            }
        }
    }
}

package dev.minigun.internal;

import dev.minigun.Emitter;
import dev.minigun.ErrorPolicy;

/**
 * A stage whose code runs elsewhere (a worker process, an isolated thread): each item goes out
 * through {@link Call} from the calling context's thread and comes back with what it emitted. The
 * error policy, accounting and routing stay here, the same as for a local stage.
 */
public final class RemoteNode extends StageNode {
    /** Runs one item elsewhere; see {@code RemoteStage.call}. */
    @FunctionalInterface
    public interface Call {
        /** Runs {@code item}, emits its results into {@code out}; false when filtered. */
        boolean call(Object item, Emitter<Object> out) throws Exception;
    }

    private final Call remote;

    /** The runtime of a stage run by {@code remote}. */
    public RemoteNode(String name, Call remote, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
        this.remote = remote;
    }

    @Override
    void handle(Object item) throws Exception {
        if (remote.call(item, out)) {
            counters.completed.increment();
        } else {
            counters.filtered.increment();
        }
    }
}

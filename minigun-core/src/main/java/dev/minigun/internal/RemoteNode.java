package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import dev.minigun.execution.RemoteOutcome;
import java.util.List;

/**
 * A stage whose code runs elsewhere (a worker process, isolated threads): items go out in batches
 * through {@link Call} from the calling context's thread and come back with what each emitted. The
 * error policy, accounting and routing stay here, the same as for a local stage: a failed item of a
 * batch goes through the usual retry path on its own.
 */
public final class RemoteNode extends StageNode {
    /** Runs a batch elsewhere; see {@code RemoteStage.call}. */
    @FunctionalInterface
    public interface Call {
        /** One outcome per item, in order. */
        List<RemoteOutcome> call(List<Object> items) throws Exception;
    }

    private final Call remote;

    /** The runtime of a stage run by {@code remote}. */
    public RemoteNode(String name, Call remote, ErrorPolicy policy, RunControl control, StageCounters counters) {
        super(name, policy, control, counters);
        this.remote = remote;
    }

    /** Runs a batch; accounts for every item exactly once. Throws only {@link RunCancelledException}. */
    public void acceptAll(List<Object> items) {
        int done = 0;
        try {
            List<RemoteOutcome> outcomes;
            try {
                // One clock read pair per batch, not per item: the batch's time is the stage's busy
                // time, and each item's latency is its share.
                long start = System.nanoTime();
                outcomes = remote.call(items);
                long took = System.nanoTime() - start;
                counters.busyNanos.add(took);
                counters.latency.record(took / items.size());
                if (outcomes.size() != items.size()) {
                    throw new IllegalStateException(
                            "stage '" + name() + "': " + outcomes.size() + " outcomes for " + items.size() + " items");
                }
            } catch (Throwable t) {
                // The batch as a whole failed (a worker past its restart limit, an interrupt): each
                // item meets the failure on its own, so accounting and the policy work per item.
                for (; done < items.size(); done++) {
                    counters.in.increment();
                    continueFailed(items.get(done), t);
                }
                return;
            }
            for (; done < items.size(); done++) {
                RemoteOutcome outcome = outcomes.get(done);
                Object item = items.get(done);
                counters.in.increment();
                if (outcome.error().isPresent()) {
                    continueFailed(item, outcome.error().get());
                    continue;
                }
                try {
                    replay(outcome);
                } catch (RunCancelledException e) {
                    counters.cancelled.increment();
                    throw e;
                } catch (Throwable t) {
                    continueFailed(item, t);
                }
            }
        } catch (RunCancelledException e) {
            // The item at 'done' is counted; the rest of the batch was taken from the queue but never
            // reached: it is in flight at the cancel, not lost.
            for (int rest = done + 1; rest < items.size(); rest++) {
                counters.in.increment();
                counters.cancelled.increment();
            }
            throw e;
        }
    }

    @Override
    void handle(Object item) throws Exception {
        RemoteOutcome outcome = remote.call(List.of(item)).getFirst();
        if (outcome.error().isPresent()) {
            Throwable t = outcome.error().get();
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
        replay(outcome);
    }

    /** Replays what the remote code emitted and counts the item; called on a success. */
    private void replay(RemoteOutcome outcome) {
        for (RemoteOutcome.Emission e : outcome.emitted()) {
            if (e.target().isPresent()) {
                out.emitTo(e.target().get(), e.item());
            } else {
                out.emit(e.item());
            }
        }
        if (outcome.filtered()) {
            counters.filtered.increment();
        } else {
            counters.completed.increment();
        }
    }
}

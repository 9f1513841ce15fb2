package dev.minigun.bench;

import dev.minigun.Sink;
import java.io.Serial;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.japi.function.Procedure;

/**
 * The sink of the batching workload: feeds every item of each list to a {@link Drain}, so a batch
 * costs what its items cost. One object implements every library's consumer type.
 */
public final class BatchDrain implements Sink<List<Long>>, Consumer<List<Long>>, Procedure<List<Long>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Drain drain;
    private long batches;

    /** Feeds the items of every list to {@code drain}. */
    public BatchDrain(Drain drain) {
        this.drain = drain;
    }

    @Override
    public void consume(List<Long> batch) {
        accept(batch);
    }

    @Override
    public void accept(List<Long> batch) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            drain.accept(batch.get(i));
        }
        batches++;
    }

    @Override
    public void apply(List<Long> batch) {
        accept(batch);
    }

    /** Items seen since the last {@link #reset}. */
    public long count() {
        return drain.count();
    }

    /** Lists seen since the last {@link #reset}. */
    public long batches() {
        return batches;
    }

    /** Starts counting again, before a run. */
    public void reset() {
        drain.reset();
        batches = 0;
    }
}

package dev.minigun.bench;

import dev.minigun.Sink;
import java.io.Serial;
import java.util.function.Consumer;
import org.apache.pekko.japi.function.Procedure;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The sink of the workloads: burns the per-item CPU cost (when it is the stage that does the work),
 * hands the item to JMH's {@link Blackhole} and counts it, so a run can check it saw every item.
 * One object implements every library's consumer type. The count is a plain field: read it only
 * where a single thread consumes, after the run has ended.
 */
public final class Drain
        implements Sink<Long>, Consumer<Long>, io.reactivex.rxjava3.functions.Consumer<Long>, Procedure<Long> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Blackhole blackhole;
    private final int tokens;
    private long count;

    /** A sink into {@code blackhole} that burns {@code tokens} of CPU per item first. */
    public Drain(Blackhole blackhole, int tokens) {
        this.blackhole = blackhole;
        this.tokens = tokens;
    }

    @Override
    public void consume(Long x) {
        accept(x);
    }

    @Override
    public void accept(Long x) {
        if (tokens > 0) {
            Blackhole.consumeCPU(tokens);
        }
        blackhole.consume(x);
        count++;
    }

    @Override
    public void apply(Long x) {
        accept(x);
    }

    /** Items seen since the last {@link #reset}. */
    public long count() {
        return count;
    }

    /** Starts counting again, before a run. */
    public void reset() {
        count = 0;
    }
}

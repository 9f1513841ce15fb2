package dev.minigun.bench;

import dev.minigun.ItemFunction;
import java.io.Serial;
import java.util.function.Function;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The map step of the workloads: burns the per-item CPU cost, then returns {@code x + 1} (a new
 * box for most values, as user code would). One object implements every library's function type,
 * so that each engine calls exactly the same code.
 */
public final class Step
        implements ItemFunction<Long, Long>, Function<Long, Long>, io.reactivex.rxjava3.functions.Function<Long, Long> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int tokens;

    /** A step that burns {@code tokens} of {@link Blackhole#consumeCPU} per item. */
    public Step(int tokens) {
        this.tokens = tokens;
    }

    @Override
    public Long apply(Long x) {
        if (tokens > 0) {
            Blackhole.consumeCPU(tokens);
        }
        return x + 1;
    }
}

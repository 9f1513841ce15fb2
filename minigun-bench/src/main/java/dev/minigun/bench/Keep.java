package dev.minigun.bench;

import dev.minigun.ItemPredicate;
import java.io.Serial;
import java.util.function.Predicate;

/** The filter of the fused chain: keeps three items in four. Every library calls this one object. */
public final class Keep
        implements ItemPredicate<Long>, Predicate<Long>, io.reactivex.rxjava3.functions.Predicate<Long> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Whether {@code x} passes: its two low bits are not both zero. */
    @Override
    public boolean test(Long x) {
        return (x & 3) != 0;
    }
}

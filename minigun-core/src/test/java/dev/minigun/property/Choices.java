package dev.minigun.property;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random decisions a generator makes, recorded as a sequence of small numbers so that a case
 * can be replayed and shrunk (the choice-sequence technique of Hypothesis). Each draw is stored as
 * its offset from the simplest value, so 0 is always the simplest choice: shrinking lowers offsets
 * and deletes draws, and the generator, replayed on the smaller sequence, builds a smaller case
 * that is valid by construction. A replay past the end of its sequence draws 0s.
 */
final class Choices {
    private final SplittableRandom random;
    private final int[] replay;
    private int position;
    private int[] drawn = new int[64];
    private int count;

    private Choices(SplittableRandom random, int[] replay) {
        this.random = random;
        this.replay = replay;
    }

    /** Fresh random draws from {@code seed}. */
    static Choices random(long seed) {
        return new Choices(new SplittableRandom(seed), null);
    }

    /** The draws of {@code offsets}, clamped into each draw's range, then 0s. */
    static Choices replay(int[] offsets) {
        return new Choices(null, offsets.clone());
    }

    /** A number from {@code min} to {@code max}, both included; {@code min} is the simplest. */
    int between(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        int span = max - min;
        int offset;
        if (replay == null) {
            offset = span == Integer.MAX_VALUE ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(span + 1);
        } else {
            offset = position < replay.length ? Math.clamp(replay[position], 0, span) : 0;
            position++;
        }
        record(offset);
        return min + offset;
    }

    /** True with probability {@code percent}/100; false is the simplest. */
    boolean percent(int percent) {
        return between(0, 99) >= 100 - percent;
    }

    /** One of {@code options}; the first is the simplest. */
    <T> T pick(List<T> options) {
        return options.get(between(0, options.size() - 1));
    }

    /** A count from 0 to {@code max}, small more often than large: most cases should be quick. */
    int count(int max) {
        int bound = switch (between(0, 9)) {
            case 0, 1 -> 3;
            case 2, 3, 4 -> 40;
            case 5, 6, 7 -> 300;
            default -> max;
        };
        return between(0, Math.min(bound, max));
    }

    /** The offsets drawn so far: replaying them builds the same case. */
    int[] drawn() {
        return Arrays.copyOf(drawn, count);
    }

    private void record(int offset) {
        if (count == drawn.length) {
            drawn = Arrays.copyOf(drawn, count * 2);
        }
        drawn[count++] = offset;
    }
}

package dev.minigun.property;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks a property on many generated cases, and shrinks the first failing one: a minimal
 * property-based testing loop over {@link Choices}. Each try draws a case from its own seed; when
 * the check throws, the runner tries smaller choice sequences (whole blocks deleted, single numbers
 * lowered) and keeps any that still breaks the same property, until none does or the shrink budget
 * is spent. The error it throws shows the shrunk case, the original one, and how to replay them.
 *
 * <p>Knobs, as system properties: {@code minigun.properties.seed} (the run's seed; random
 * otherwise), {@code minigun.properties.case} (replay one try's seed only),
 * {@code minigun.properties.shrinkSeconds} (default 120).
 *
 * @param <C> the type of the generated cases
 */
final class PropertyRunner<C> {
    private final String property;
    private final Function<Choices, C> generator;
    private final Function<C, String> check;
    private final Function<C, Collection<String>> features;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> seen = new TreeMap<>();
    private final Duration shrinkBudget = Duration.ofSeconds(Long.getLong("minigun.properties.shrinkSeconds", 120));

    /**
     * @param property what is checked, for messages
     * @param generator draws a case
     * @param check checks one case (throws if it breaks a property) and says how its run ended
     * @param features what a case exercises, counted for the summary
     */
    PropertyRunner(
            String property,
            Function<Choices, C> generator,
            Function<C, String> check,
            Function<C, Collection<String>> features) {
        this.property = property;
        this.generator = generator;
        this.check = check;
        this.features = features;
    }

    /** Checks {@code tries} cases; returns how many ran. */
    int run(int tries) {
        Long only = Long.getLong("minigun.properties.case");
        long seed = Long.getLong("minigun.properties.seed", new SplittableRandom().nextLong());
        SplittableRandom seeds = new SplittableRandom(seed);
        int n = only != null ? 1 : tries;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long caseSeed = only != null ? only : seeds.nextLong();
            Choices choices = Choices.random(caseSeed);
            C kase = generator.apply(choices);
            features.apply(kase).forEach(f -> seen.merge(f, 1, Integer::sum));
            Throwable error = attempt(kase);
            if (error != null) {
                throw shrinkAndReport(i, n, seed, caseSeed, choices.drawn(), kase, error);
            }
        }
        System.out.printf(
                "%s: %d cases in %.1f s, seed %d%n  outcomes %s%n  features %s%n",
                property, n, (System.nanoTime() - start) / 1e9, seed, outcomes, seen);
        return n;
    }

    private Throwable attempt(C kase) {
        try {
            outcomes.merge(check.apply(kase), 1, Integer::sum);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private AssertionError shrinkAndReport(
            int index, int tries, long seed, long caseSeed, int[] drawn, C original, Throwable error) {
        String broken = Violation.propertyOf(error);
        long start = System.nanoTime();
        long budget = shrinkBudget.toNanos();
        int[] best = drawn;
        C bestCase = original;
        Throwable bestError = error;
        int steps = 0;
        int runs = 0;
        Set<String> tried = new HashSet<>();
        tried.add(String.valueOf(original));
        boolean improved = true;
        while (improved && System.nanoTime() - start < budget) {
            improved = false;
            for (int[] candidate : candidates(best)) {
                if (System.nanoTime() - start >= budget) {
                    break;
                }
                Choices replay = Choices.replay(candidate);
                C kase = generator.apply(replay);
                if (!tried.add(String.valueOf(kase))) {
                    continue;
                }
                runs++;
                Throwable e = attempt(kase);
                if (e != null && Violation.propertyOf(e).equals(broken)) {
                    best = replay.drawn();
                    bestCase = kase;
                    bestError = e;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        AssertionError report = new AssertionError(
                "property '" + property + "' broke [" + broken + "] on try " + (index + 1) + " of " + tries
                        + "\n  replay this try:  -Dminigun.properties.case=" + caseSeed
                        + "\n  replay the run:   -Dminigun.properties.seed=" + seed
                        + "\nshrunk in " + steps + " steps (" + runs + " runs, " + seconds + " s) to:\n"
                        + bestCase + "choices " + Arrays.toString(best)
                        + "\nwhich fails with:\n" + bestError.getMessage()
                        + "\n\noriginal case:\n" + original + "which failed with:\n"
                        + firstLines(error.getMessage(), 60),
                bestError);
        report.addSuppressed(error);
        return report;
    }

    /** Smaller sequences to try, roughly simplest first: blocks deleted, then numbers lowered. */
    private static List<int[]> candidates(int[] s) {
        List<int[]> out = new ArrayList<>();
        for (int block = Math.max(1, Integer.highestOneBit(s.length)); block >= 1; block /= 2) {
            for (int from = s.length - block; from >= 0; from -= block) {
                int[] c = new int[s.length - block];
                System.arraycopy(s, 0, c, 0, from);
                System.arraycopy(s, from + block, c, from, s.length - from - block);
                out.add(c);
            }
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] > 0) {
                for (int v : new int[] {0, s[i] / 2, s[i] - 1}) {
                    if (v < s[i]) {
                        int[] c = s.clone();
                        c[i] = v;
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static String firstLines(String text, int lines) {
        if (text == null) {
            return "";
        }
        String[] all = text.split("\n", lines + 1);
        return all.length <= lines ? text : String.join("\n", Arrays.copyOf(all, lines)) + "\n...";
    }
}

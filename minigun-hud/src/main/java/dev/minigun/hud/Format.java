package dev.minigun.hud;

import dev.minigun.RunReport;
import dev.minigun.StageReport;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/** Numbers, durations and progress as the HUD and the progress line write them, in one place. */
final class Format {
    private Format() {}

    /** {@code n} with thousands separators: {@code 15,224}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A rate: one decimal below 10 ({@code 3.4}), whole numbers with separators above ({@code 1,204}). */
    static String rate(double perSecond) {
        if (!Double.isFinite(perSecond) || perSecond <= 0) {
            return "0";
        }
        return perSecond < 10
                ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%,d", Math.round(perSecond));
    }

    /** Elapsed time with a tenth of a second: {@code 12.3 s}, {@code 2 m 05.0 s}. */
    static String elapsed(Duration d) {
        long tenths = d.toMillis() / 100;
        long minutes = tenths / 600;
        double seconds = (tenths % 600) / 10.0;
        return minutes > 0
                ? String.format(Locale.ROOT, "%d m %04.1f s", minutes, seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A time left, rounded up to the second: {@code 13 s}, {@code 2 m 05 s}. */
    static String eta(double seconds) {
        long s = (long) Math.ceil(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d m %02d s", s / 60, s % 60) : s + " s";
    }

    /** Bytes as mebibytes with one decimal: {@code 71.3 MiB}. */
    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** A whole percentage, rounded down so that 100 % means done: {@code 47%}. */
    static String percent(long done, long total) {
        return (total <= 0 ? 100 : Math.min(100, done * 100 / total)) + "%";
    }

    /** Items the producers that declared a size have emitted, and the sum of their declarations. */
    record Progress(long done, long total, double rate) {

        /** The progress of {@code report}'s declared producers, if any declared a size. */
        static java.util.Optional<Progress> of(RunReport report) {
            long done = 0;
            long total = 0;
            double rate = 0;
            boolean any = false;
            for (StageReport s : report.stages()) {
                if (s.isProducer() && s.expected().isPresent()) {
                    any = true;
                    done += s.out();
                    total += s.expected().getAsLong();
                    rate += s.meanRate();
                }
            }
            return any ? java.util.Optional.of(new Progress(done, total, rate)) : java.util.Optional.empty();
        }

        /** Seconds until the producers are done at their mean rate, while there is a rate and work left. */
        OptionalDouble etaSeconds() {
            return done < total && rate > 0 ? OptionalDouble.of((total - done) / rate) : OptionalDouble.empty();
        }
    }

    /** Items waiting in queues anywhere: what is left once the producers are done. */
    static long queued(RunReport report) {
        return report.stages().stream().mapToLong(StageReport::queued).sum();
    }
}

package dev.minigun;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a stage does when its code throws for an item. Set per stage with {@link Stage#onError}, or
 * for every stage that sets none with {@code config().errorPolicy(...)}.
 *
 * <ul>
 *   <li>{@link #failFast()} (the default): cancel the whole run; {@code run()} throws a
 *       {@link PipelineException} naming the stage and the item.
 *   <li>{@link #skip()}: count the item as failed, keep its cause in the run's failures, go on.
 *   <li>{@link #retry(int, Duration)}: try the item again, after an exponential backoff with
 *       jitter, on the exceptions named; once the attempts are spent, fall back to another policy
 *       ({@code failFast} unless {@link Retry#orElse} says otherwise). Results a processor emitted
 *       during a failed attempt are discarded, so a retry never duplicates them downstream.
 *   <li>{@link #deadLetter(String)}: send a {@link DeadLetter} (the item, the stage, the exception
 *       and the attempt count) to the named stage, which may run on any context, and go on.
 * </ul>
 */
public sealed interface ErrorPolicy {

    /** Cancel the run at the first failure (the default). */
    static ErrorPolicy failFast() {
        return FailFast.INSTANCE;
    }

    /** Count the failed item, keep its cause in the report, and go on with the next. */
    static ErrorPolicy skip() {
        return Skip.INSTANCE;
    }

    /**
     * Try a failing item up to {@code maxAttempts} times in all, waiting {@code backoff} before the
     * second attempt and twice as long before each next one (at most 32 times {@code backoff}),
     * each wait jittered down by up to half so that retries of many items spread out.
     */
    static Retry retry(int maxAttempts, Duration backoff) {
        return new Retry(maxAttempts, backoff, List.of(Exception.class), FailFast.INSTANCE);
    }

    /** Send each failed item, wrapped in a {@link DeadLetter}, to the stage called {@code stage}. */
    static ErrorPolicy deadLetter(String stage) {
        return new DeadLetterTo(stage);
    }

    /** Cancel the run at the first failure. */
    enum FailFast implements ErrorPolicy {
        INSTANCE;

        @Override
        public String toString() {
            return "failFast";
        }
    }

    /** Count and go on. */
    enum Skip implements ErrorPolicy {
        INSTANCE;

        @Override
        public String toString() {
            return "skip";
        }
    }

    /**
     * Retry on some exceptions, then fall back.
     *
     * @param maxAttempts attempts in all, the first included (1 means no retry)
     * @param backoff the wait before the second attempt
     * @param on the exception types that are worth a retry (and their subtypes)
     * @param exhausted what to do once the attempts are spent, or for an exception not in {@code on}
     */
    record Retry(int maxAttempts, Duration backoff, List<Class<? extends Throwable>> on, ErrorPolicy exhausted)
            implements ErrorPolicy {

        /** Copies the list; the numbers are checked when the policy is set on a stage. */
        public Retry {
            on = List.copyOf(on);
        }

        /** The same retry, only for exceptions of these types (and their subtypes). */
        @SafeVarargs
        public final Retry on(Class<? extends Throwable>... types) {
            List<Class<? extends Throwable>> list = new java.util.ArrayList<>();
            for (Class<? extends Throwable> type : types) {
                list.add(type);
            }
            return new Retry(maxAttempts, backoff, list, exhausted);
        }

        /** The same retry, with {@code policy} once the attempts are spent (default: failFast). */
        public Retry orElse(ErrorPolicy policy) {
            return new Retry(maxAttempts, backoff, on, policy);
        }

        /** Whether {@code error} is worth another attempt after {@code attempt} attempts. */
        public boolean retries(Throwable error, int attempt) {
            return attempt < maxAttempts && on.stream().anyMatch(type -> type.isInstance(error));
        }

        /** How long to wait after attempt number {@code attempt} failed: exponential, capped, jittered. */
        public Duration delayAfter(int attempt) {
            long base = backoff.toNanos();
            long exponential = base << Math.min(attempt - 1, 5);
            long jitter = exponential <= 1 ? 0 : ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
            return Duration.ofNanos(exponential - jitter);
        }

        @Override
        public String toString() {
            return "retry(" + maxAttempts + ", " + backoff + ") on "
                    + on.stream().map(Class::getSimpleName).toList() + " else " + exhausted;
        }
    }

    /**
     * Send failed items to a stage.
     *
     * @param stage the name of the stage that receives the {@link DeadLetter}s
     */
    record DeadLetterTo(String stage) implements ErrorPolicy {
        @Override
        public String toString() {
            return "deadLetter(" + stage + ")";
        }
    }
}

package dev.minigun;

import java.time.Duration;

/**
 * What one stage did in a run. For every stage, once the run has ended:
 * {@code in = completed + failed + filtered + deadLettered + cancelled}; and over the whole run, every delivery
 * was received by a stage or is still queued. Those equalities are the no-loss guarantee, and each
 * term is here to check it.
 *
 * @param name the stage's name
 * @param operation what it does: {@code producer}, {@code map}, {@code filter}, {@code process},
 *     {@code batch}, {@code merge}, {@code consumer}, or {@code dead-letter} for a consumer that takes
 *     other stages' failed items
 * @param in items received
 * @param out items emitted (one per {@code emit} or {@code emitTo}; a batch counts lists)
 * @param delivered deliveries to downstream stages (a broadcast to three branches counts three)
 * @param completed items processed without error and not filtered (for a producer: 1 once its
 *     source returned)
 * @param failed items whose processing threw (for a producer: 1 if its source threw)
 * @param filtered items a filter dropped
 * @param deadLettered items that failed here and went to a dead-letter stage
 * @param retried retry attempts made here (an item tried three times counts two)
 * @param lastError the last exception the stage's code threw, if any
 * @param cancelled items being processed when the run was cancelled
 * @param queued items waiting in its input queue now (at the end: never taken)
 * @param peakQueued the most items that waited in its input queue at once
 * @param busy time spent in the stage's code, including stages it calls directly
 * @param p50 median time per item
 * @param p99 99th percentile time per item
 * @param max longest time for one item
 * @param busyFraction the share of the stage's contexts' time spent in its code, 0 to 1 (for a
 *     colocated stage, of its host's time, including the stages it calls)
 * @param meanRate items per second over the run so far (in for a stage, out for a producer)
 * @param currentRate items per second over about the last second of live snapshots (the mean when
 *     there is none)
 * @param expected how many items a producer declared it will emit, if it did
 * @param contexts how many contexts of its own the stage has now (0 when colocated): for an
 *     adaptive pool ({@code Exec.threads(min, max)}) it moves between min and max with the load
 */
public record StageReport(
        String name,
        String operation,
        long in,
        long out,
        long delivered,
        long completed,
        long failed,
        long filtered,
        long deadLettered,
        long retried,
        java.util.Optional<String> lastError,
        long cancelled,
        long queued,
        long peakQueued,
        Duration busy,
        Duration p50,
        Duration p99,
        Duration max,
        double busyFraction,
        double meanRate,
        double currentRate,
        java.util.OptionalLong expected,
        int contexts) {

    /** Whether this stage starts a path. */
    public boolean isProducer() {
        return operation.equals("producer");
    }

    /** Whether this stage ends a path. */
    public boolean isConsumer() {
        return operation.equals("consumer");
    }
}

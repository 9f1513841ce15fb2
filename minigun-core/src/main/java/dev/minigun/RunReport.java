package dev.minigun;

import dev.minigun.internal.TextTable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * What a run did, stage by stage, and in total: items produced, consumed, failed and filtered, so
 * that nothing is lost silently. On a path where every stage passes each item on once,
 * {@code produced = consumed + failed + filtered + deadLettered + inFlight}; with broadcasts, batches or emitTo the per-stage
 * counts in {@link #stages()} account for every item. {@code toString()} is a readable table.
 *
 * @param pipeline the pipeline's name
 * @param elapsed how long the run took (so far, for a live snapshot)
 * @param stages one report per stage, in definition order
 * @param outcome how the run ended: {@code completed}, {@code failed}, {@code cancelled}, or
 *     {@code running} for a live snapshot
 * @param abandoned the contexts that ignored the interrupt of a stopping run for its grace period
 *     and were left running (empty unless something is stuck)
 * @param errors the messages of the run's failures so far, oldest first (at most 100)
 */
public record RunReport(
        String pipeline,
        Duration elapsed,
        List<StageReport> stages,
        String outcome,
        List<String> abandoned,
        List<String> errors) {

    /** Copies the lists. */
    public RunReport {
        stages = List.copyOf(stages);
        abandoned = List.copyOf(abandoned);
        errors = List.copyOf(errors);
    }

    /** Items the producers emitted. */
    public long produced() {
        return stages.stream()
                .filter(StageReport::isProducer)
                .mapToLong(StageReport::out)
                .sum();
    }

    /** Items the consumers (not the dead-letter ones) processed without error. */
    public long consumed() {
        return stages.stream()
                .filter(StageReport::isConsumer)
                .mapToLong(StageReport::completed)
                .sum();
    }

    /** Items that failed, at any stage (a producer whose source threw counts one). */
    public long failed() {
        return stages.stream().mapToLong(StageReport::failed).sum();
    }

    /** Items dropped by filters. */
    public long filtered() {
        return stages.stream().mapToLong(StageReport::filtered).sum();
    }

    /** Items that failed and went to a dead-letter stage. */
    public long deadLettered() {
        return stages.stream().mapToLong(StageReport::deadLettered).sum();
    }

    /** Retry attempts made, over all stages. */
    public long retried() {
        return stages.stream().mapToLong(StageReport::retried).sum();
    }

    /** Items being processed, or still queued, when the run was cancelled. */
    public long inFlight() {
        return stages.stream().mapToLong(s -> s.cancelled() + s.queued()).sum();
    }

    /** The report of the stage called {@code name}. */
    public StageReport stage(String name) {
        return stages.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "no stage named '" + name + "' in the report of pipeline '" + pipeline + "'"));
    }

    @Override
    public String toString() {
        TextTable table = new TextTable(
                "stage",
                "op",
                "in",
                "out",
                "done",
                "failed",
                "filtered",
                "queue peak",
                "busy ms",
                "p50 us",
                "p99 us",
                "max us");
        for (StageReport s : stages) {
            table.row(
                    s.name(),
                    s.operation(),
                    s.in(),
                    s.out(),
                    s.completed(),
                    s.failed(),
                    s.filtered(),
                    s.peakQueued(),
                    s.busy().toMillis(),
                    micros(s.p50()),
                    micros(s.p99()),
                    micros(s.max()));
        }
        return String.format(
                        Locale.ROOT,
                        "Run of pipeline '%s': %s in %d ms; produced %d, consumed %d, failed %d, filtered %d%s%s%s%s%n",
                        pipeline,
                        outcome,
                        elapsed.toMillis(),
                        produced(),
                        consumed(),
                        failed(),
                        filtered(),
                        deadLettered() > 0 ? ", dead-lettered " + deadLettered() : "",
                        retried() > 0 ? ", retried " + retried() : "",
                        inFlight() > 0 ? ", in flight " + inFlight() : "",
                        abandoned.isEmpty() ? "" : "; abandoned " + abandoned)
                + table.render("  ");
    }

    private static String micros(Duration d) {
        long nanos = d.toNanos();
        return nanos < 10_000 ? String.format(Locale.ROOT, "%.1f", nanos / 1000.0) : Long.toString(nanos / 1000);
    }
}

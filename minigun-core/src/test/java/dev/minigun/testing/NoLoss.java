package dev.minigun.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.RunReport;
import dev.minigun.StageReport;

/**
 * The accounting checks every test runs on its reports, so that "nothing is lost silently" is
 * proven by every scenario rather than re-derived by hand in each test.
 */
public final class NoLoss {
    private NoLoss() {}

    /**
     * Every item that reached a stage was completed, failed, filtered, dead-lettered or cancelled there, and every
     * delivery reached a stage or is still queued. Holds for every run: success, failure or cancel.
     */
    public static RunReport assertNothingLost(RunReport report) {
        long delivered = 0;
        long received = 0;
        for (StageReport s : report.stages()) {
            delivered += s.delivered();
            if (!s.isProducer()) {
                received += s.in() + s.queued();
                assertThat(s.in())
                        .as(
                                "stage '%s': in = completed + failed + filtered + deadLettered + cancelled (%s)",
                                s.name(), s)
                        .isEqualTo(s.completed() + s.failed() + s.filtered() + s.deadLettered() + s.cancelled());
            }
        }
        assertThat(received)
                .as("every delivery was received by a stage or is still queued\n%s", report)
                .isEqualTo(delivered);
        return report;
    }

    /**
     * For a pipeline whose every path passes each item on once (no broadcast, batch, or emitTo):
     * produced = consumed + failed + filtered + dead-lettered (+ in flight, for a cancelled run), and
     * nothing lost. Dead-letter consumers do not count as consumed: their items count as dead-lettered.
     */
    public static RunReport assertConserved(RunReport report) {
        assertNothingLost(report);
        long producerFailures = report.stages().stream()
                .filter(StageReport::isProducer)
                .mapToLong(StageReport::failed)
                .sum();
        assertThat(report.produced())
                .as("produced = consumed + failed + filtered + dead-lettered + in flight\n%s", report)
                .isEqualTo(report.consumed()
                        + report.failed()
                        - producerFailures
                        + report.filtered()
                        + report.deadLettered()
                        + report.inFlight());
        return report;
    }
}

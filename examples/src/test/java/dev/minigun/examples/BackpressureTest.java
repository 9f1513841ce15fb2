package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackpressureTest {

    @Test
    void slowConsumerKeepsTheQueueWithinItsBoundAndLosesNothing() {
        Capture run = Capture.run(Backpressure::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Queue in front of ship, from the plan: 10
            Peak queue depth within the bound of 10: true
            The queue filled up, so the producer waited for the shipper: true
            Shipped 200 of 200 events (8 warnings), none left queued: true
            Every event shipped exactly once: true
            """);
    }
}

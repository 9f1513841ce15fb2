package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimedBatchTest {

    @Test
    void partialBatchIsFlushedAfterMaxWaitWhileTheProducerWaits() {
        Capture run = Capture.run(TimedBatch::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Uploads, by reading number: [[1, 2, 3, 4, 5], [6, 7], [8, 9, 10]]
            The meters went quiet until the 2 leftovers of the first burst were uploaded: true
            Report: batch received 10 readings and emitted 3 batches; upload consumed 3
            """);
    }
}

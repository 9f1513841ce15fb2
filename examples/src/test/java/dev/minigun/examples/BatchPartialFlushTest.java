package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchPartialFlushTest {

    @Test
    void ninetyFiveLinesMakeNineFullBatchesAndOneOfFive() {
        Capture run = Capture.run(BatchPartialFlush::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Batch sizes in order: [10, 10, 10, 10, 10, 10, 10, 10, 10, 5]
            9 full batches of 10, 1 partial batch of 5, 0 empty batches
            Wrote 95 of 95 invoice lines, total quantity 236
            Report: batch received 95 lines and emitted 10 batches; bulk-insert consumed 10
            """);
    }
}

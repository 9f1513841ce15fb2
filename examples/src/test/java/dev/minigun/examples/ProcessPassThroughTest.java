package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessPassThroughTest {

    @Test
    void printsWhatHappened() {
        Capture run = Capture.run(ProcessPassThrough::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Squared 100 numbers in worker processes
            Sum of squares: 338350
            worker pid differs from parent: true
            """);
    }
}

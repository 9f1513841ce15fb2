package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessEmitToTest {

    @Test
    void printsWhatHappened() {
        Capture run = Capture.run(ProcessEmitTo::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Rendered 30 documents, routed by kind into worker processes:
              html rendered 20
              pdf rendered 10
            """);
    }
}

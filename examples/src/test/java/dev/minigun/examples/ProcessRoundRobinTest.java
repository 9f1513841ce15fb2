package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessRoundRobinTest {

    @Test
    void printsWhatHappened() {
        Capture run = Capture.run(ProcessRoundRobin::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Dealt 30 jobs round-robin to 3 worker processes:
              worker-a ran 10
              worker-b ran 10
              worker-c ran 10
            """);
    }
}

package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessInFragmentTest {

    @Test
    void printsWhatHappened() {
        Capture run = Capture.run(ProcessInFragment::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Stages of the fragment:
              verify/parse in 40
              verify/hash  in 40
            Checksum from the worker matches the parent's: true
            """);
    }
}

package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void pricesValidOrdersAndReportsProducedFilteredConsumed() {
        Capture run = Capture.run(QuickStart::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Stored 10 priced orders in 3 batches of at most 4:
              A-1001  alice    x2        25.00
              A-1002  bob      x1        49.99
              A-1004  dave     x3         9.75
              A-1005  erin     x1       120.00
              A-1006  frank    x5         9.95
              A-1008  heidi    x4        35.00
              A-1009  ivan     x2        49.00
              A-1010  judy     x1         6.50
              A-1011  mallory  x6         6.00
              A-1012  niaj     x2        66.00
            Report: produced 12, filtered 2, consumed 3 batches, failed 0
            """);
    }
}

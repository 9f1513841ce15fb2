package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergeTest {

    @Test
    void ledgerBooksTheSalesOfBothProducers() {
        Capture run = Capture.run(Merge::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            web-shop produced 4, tills produced 3
            Ledger booked 7 sales, 15172 cents in total:
              [T-7001, T-7002, T-7003, W-501, W-502, W-503, W-504]
            """);
    }
}

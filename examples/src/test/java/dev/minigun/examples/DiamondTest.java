package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiamondTest {

    @Test
    void mergesBothBranchesIntoOnePagerAndEndsExactly() {
        Capture run = Capture.run(Diamond::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Paged 5 alerts:
              server error on /checkout
              server error on /search
              slow request on /cart
              slow request on /checkout
              slow request on /reports
            Each branch saw every line: errors 8, slow 8; merge passed on 5, pager consumed 5
            """);
    }
}

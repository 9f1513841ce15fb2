package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void eachFetcherGetsExactlyAThird() {
        Capture run = Capture.run(RoundRobin::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Dealt 30 URLs round-robin to 3 fetchers:
              fetcher-1 fetched 10
              fetcher-2 fetched 10
              fetcher-3 fetched 10
            Every URL fetched exactly once: true
            """);
    }
}

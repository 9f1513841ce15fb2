package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByKeyTest {

    @Test
    void sameCustomerAlwaysLandsOnTheSameShard() {
        Capture run = Capture.run(ByKey::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Routed 14 payments of 8 customers by customer to 3 shards:
              shard-0: bob 64.99, ivan 6.50, judy 33.00
              shard-1: alice 16.75, frank 8.75
              shard-2: carol 32.49, dave 129.99, erin 41.99
            Each customer's payments all on one shard: true
            """);
    }
}
